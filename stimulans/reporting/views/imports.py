"""The national administrator's upload page for earlier years' reports (initiatives or
measures, CSV or XLSX). The rules are in `imports`; this only checks the upload and shows the
result or every bad row."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.lib.uploads import check_upload

from ..imports import (
    INITIATIVE_COLUMNS,
    MEASURE_COLUMNS,
    ImportFileError,
    import_initiatives,
    import_measures,
)

IMPORTERS = {"initiatives": import_initiatives, "measures": import_measures}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Innehåll"),
        choices=[("initiatives", _("Insatser")), ("measures", _("Mått"))],
        widget=forms.RadioSelect,
        initial="initiatives",
    )
    file = forms.FileField(label=_("Fil (CSV eller XLSX)"))

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], [".csv", ".xlsx"])


@role_required(Role.NATIONAL_ADMIN)
def import_reports(request):
    form = ImportForm()
    errors = []
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                upload = form.cleaned_data["file"]
                result = IMPORTERS[form.cleaned_data["kind"]](
                    upload.read(), user=request.user, filename=upload.name
                )
            except ImportFileError as exc:
                errors = exc.errors
            else:
                messages.success(request, result.summary())
                return redirect("reporting:import")
        status = 400
    return render(
        request,
        "reporting/import_reports.html",
        {
            "form": form,
            "errors": errors,
            "initiative_columns": ",".join(INITIATIVE_COLUMNS),
            "measure_columns": ",".join(MEASURE_COLUMNS),
        },
        status=status,
    )
