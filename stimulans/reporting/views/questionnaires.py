"""The questionnaires of a year: list, download, upload."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.funds.models import Agreement, Pot
from stimulans.funds.years import previous_part
from stimulans.lib.confirm import confirmed

from .. import formcheck, xlsform
from ..formcheck import read_form
from ..formdiff import diff_definitions
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


def previous_questionnaire(pot: Pot) -> Questionnaire | None:
    """Last year's questionnaire of the same part (the one it continues) and recipient kind."""
    part = previous_part(pot.part)
    if part is None:
        return None
    return Questionnaire.objects.filter(
        pot__part=part, pot__recipient_kind=pot.recipient_kind
    ).first()


def _pending_upload(request: HttpRequest) -> tuple[bytes, str] | None:
    """The file a diff page posts back (base64 in `content`), or None when it is not there."""
    try:
        content = base64.b64decode(request.POST.get("content", ""), validate=True)
    except ValueError:
        return None
    filename = request.POST.get("filename", "")
    return (content, filename) if content and filename else None


def _diff_page(request, pot, previous, content, filename, definition):
    return render(
        request,
        "reporting/questionnaire_diff.html",
        {
            "pot": pot,
            "agreement": pot.agreement,
            "previous": previous,
            "diff": diff_definitions(previous.definition, definition),
            "content": base64.b64encode(content).decode("ascii"),
            "filename": filename,
        },
    )


CROSSWALK_PREFIX = "crosswalk:"


def _save_crosswalk(request, questionnaire, previous):
    """Record the diff page's choices: each new or changed question's counterpart in last
    year's form ("" for a new series); names not in either form are ignored."""
    if previous is None or not confirmed(request):
        return
    now = set(formcheck.field_names(questionnaire.definition))
    before = set(formcheck.field_names(previous.definition))
    crosswalk = {}
    for key, value in request.POST.items():
        name = key.removeprefix(CROSSWALK_PREFIX)
        if key.startswith(CROSSWALK_PREFIX) and name in now and (value in before or not value):
            crosswalk[name] = value
    questionnaire.crosswalk = crosswalk
    questionnaire.save(update_fields=["crosswalk"])


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def questionnaire_upload(request, year, pot_id):
    """Upload a pot's questionnaire. Where last year's form exists, the first post shows what
    changed against it and the form is saved only when that page is confirmed (it posts the
    file back; it is checked again before it is saved)."""
    pot = get_object_or_404(
        Pot.objects.select_related("part__agreement"), pk=pot_id, part__agreement__year=year
    )
    form = QuestionnaireUploadForm(request.POST, request.FILES)
    errors = []
    pending = _pending_upload(request) if confirmed(request) else None
    if pending is None and form.is_valid():
        upload = form.cleaned_data["file"]
        pending = (upload.read(), upload.name)
        previous = previous_questionnaire(pot)
        if previous is not None:
            try:
                definition = read_form(
                    pending[0],
                    pending[1],
                    categories={c.slug for c in pot.categories.all()},
                    measures=[m.code for m in pot.measures.all()],
                )
            except xlsform.XLSFormError as exc:
                errors = exc.errors
                pending = None
            else:
                return _diff_page(request, pot, previous, *pending, definition)
    if pending is not None:
        try:
            questionnaire = install_questionnaire(pot, pending[0], pending[1], request.user)
            _save_crosswalk(request, questionnaire, previous_questionnaire(pot))
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
