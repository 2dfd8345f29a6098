"""The analysts' texts of the status report, edited on the report's own pages: the year's
introduction and method, and per part the summary of observations. With a preview, the text's
history, and a refusal (409) of an edit based on a text someone has saved since."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.funds.models import Agreement, AgreementPart

from ..forms import ReportTextForm
from ..models import ReportTextKind
from ..texts import StaleText, get_text, paragraphs, save_text
from .access import ANALYSTS

YEAR_TEXTS = {"inledning": ReportTextKind.INTRODUCTION, "metod": ReportTextKind.METHOD}


@role_required(*ANALYSTS)
def edit_year_text(request, year, kind):
    agreement = get_object_or_404(Agreement, year=year)
    if kind not in YEAR_TEXTS:
        raise Http404
    back = reverse("analysis:year_report", args=[year])
    return _edit(request, agreement, YEAR_TEXTS[kind], None, back)


@role_required(*ANALYSTS)
def edit_part_text(request, year, part):
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    back = reverse("analysis:part_analysis", args=[year, part.slug])
    return _edit(request, agreement, ReportTextKind.PART_SUMMARY, part, back)


def _edit(request, agreement, kind, part, back):
    text = get_text(agreement, kind, part)
    preview, conflict, status = None, None, 200
    if request.method == "POST":
        form = ReportTextForm(request.POST)
        if not form.is_valid():
            status = 400
        elif request.POST.get("action") == "preview":
            preview = paragraphs(form.cleaned_data["body"].replace("\r\n", "\n"))
        else:
            try:
                save_text(
                    agreement,
                    kind,
                    part,
                    form.cleaned_data["body"],
                    form.cleaned_data["version"],
                    request.user,
                )
            except StaleText as exc:
                # Keep the editor's text; saving again replaces the newer one on purpose.
                conflict = exc.current
                form = ReportTextForm(
                    initial={"body": form.cleaned_data["body"], "version": conflict.version}
                )
                status = 409
            else:
                messages.success(request, _("Texten är sparad."))
                return redirect(back)
    else:
        form = ReportTextForm(initial={"body": text.body, "version": text.version})
    history = (
        text.history.select_related("history_user").order_by("-history_date") if text.pk else []
    )
    return render(
        request,
        "analysis/report_text.html",
        {
            "agreement": agreement,
            "part": part,
            "title": text.get_kind_display(),
            "form": form,
            "preview": preview,
            "conflict": conflict,
            "conflict_paragraphs": paragraphs(conflict.body) if conflict else None,
            "history": history,
            "back": back,
        },
        status=status,
    )
