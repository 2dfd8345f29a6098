"""The national administrator's upload page for earlier years' reports (initiatives or
measures, CSV or XLSX). The rules are in `imports`; this checks the upload and starts the
import as a background job (`reporting.tasks`), whose page shows the result or every bad row."""

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.jobs.models import JobKind
from stimulans.jobs.runner import start
from stimulans.lib.uploads import check_upload

from ..imports import INITIATIVE_COLUMNS, MEASURE_COLUMNS
from ..tasks import import_task


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
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job = start(
                import_task,
                JobKind.IMPORT,
                gettext_now("Import av %(name)s") % {"name": upload.name},
                request.user,
                input_file=upload,
                content=form.cleaned_data["kind"],
                filename=upload.name,
            )
            return redirect("jobs:job", pk=job.pk)
        status = 400
    return render(
        request,
        "reporting/import_reports.html",
        {
            "form": form,
            "initiative_columns": ",".join(INITIATIVE_COLUMNS),
            "measure_columns": ",".join(MEASURE_COLUMNS),
        },
        status=status,
    )
