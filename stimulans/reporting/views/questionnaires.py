"""The questionnaires of a year: list, download, upload."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.funds.models import Agreement, Pot

from .. import xlsform
from ..forms import (
    QuestionnaireUploadForm,
)
from ..models import (
    Questionnaire,
)
from ..questionnaires.loader import install_questionnaire


@login_required
def questionnaire_list(request, year):
    agreement = get_object_or_404(Agreement, year=year)
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part", "questionnaire")
    return render(
        request,
        "reporting/questionnaire_list.html",
        {
            "agreement": agreement,
            "pots": pots,
            "form": QuestionnaireUploadForm() if request.user.is_national_admin else None,
        },
    )


@login_required
def questionnaire_download(request, year, pot_id):
    questionnaire = get_object_or_404(Questionnaire, pot_id=pot_id, pot__part__agreement__year=year)
    xls = questionnaire.xlsform_name.lower().endswith(".xls")
    response = HttpResponse(
        bytes(questionnaire.xlsform),
        content_type="application/vnd.ms-excel"
        if xls
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{questionnaire.xlsform_name}"'
    return response


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def questionnaire_upload(request, year, pot_id):
    pot = get_object_or_404(Pot, pk=pot_id, part__agreement__year=year)
    form = QuestionnaireUploadForm(request.POST, request.FILES)
    errors = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            install_questionnaire(pot, upload.read(), upload.name, request.user)
        except xlsform.XLSFormError as exc:
            errors = exc.errors
        else:
            messages.success(request, _("Enkäten för %(pot)s är sparad.") % {"pot": pot})
            return redirect("reporting:questionnaires", year=year)
    pots = Pot.objects.filter(part__agreement__year=year).select_related("part", "questionnaire")
    return render(
        request,
        "reporting/questionnaire_list.html",
        {
            "agreement": pot.agreement,
            "pots": pots,
            "form": form,
            "upload_pot": pot,
            "upload_errors": errors,
        },
        status=400,
    )
