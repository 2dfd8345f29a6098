"""The analysts' workbench: the initiatives of a part with filters and free-text search, the
address of one initiative (coded on the coding page), and the quality flags of a part or one
report."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import can_view_county
from stimulans.funds.models import Agreement, AgreementPart
from stimulans.organisations.models import County
from stimulans.reporting.models import Initiative, Report

from ..flags import as_dicts, flag_rows, summary_of
from ..forms import WorkbenchFilterForm
from ..search import workbench_initiatives
from .access import ANALYSTS, county_param

# Texts the list does not show.
LONG_TEXTS = ("activities", "goals", "outputs", "effects", "measurement", "extra")


@role_required(*ANALYSTS)
def workbench(request, year, part):
    """The analysts' list of initiatives for a part, with filters and free-text search."""
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    form = WorkbenchFilterForm(request.GET or None, part=part)
    qs = workbench_initiatives(part, form.cleaned_data if form.is_valid() else None)
    # The page's ids are sorted and counted alone (narrow rows), then its 50 rows are read.
    page = Paginator(qs.values_list("pk", flat=True), 50).get_page(request.GET.get("sida"))
    ids = list(page.object_list)
    shown = {i.pk: i for i in qs.filter(pk__in=ids).defer(*LONG_TEXTS).order_by()}
    params = request.GET.copy()
    params.pop("sida", None)
    return render(
        request,
        "analysis/workbench.html",
        {
            "agreement": agreement,
            "part": part,
            "form": form,
            "page": page,
            "initiatives": [shown[pk] for pk in ids if pk in shown],
            "total": page.paginator.count,
            "params": params.urlencode(),
        },
    )


@role_required(*ANALYSTS)
@require_safe
def initiative_detail(request, pk):
    """The analysis address of one initiative: it is read and coded on the coding page
    (`coding:code`), so that every code is recorded as a coder's code (agreement, history,
    blind second coding) before it becomes the final coding. The coding app depends on this
    one, so the page is reached by its URL name, not by an import."""
    initiative = get_object_or_404(
        Initiative.objects.select_related("report__pot__part__agreement"), pk=pk
    )
    part = initiative.report.pot.part
    return redirect("coding:code", year=part.agreement.year, part=part.slug, pk=initiative.pk)


FLAGS_PER_PAGE = 100


@role_required(*ANALYSTS)
def part_flags(request, year, part):
    """Quality flags for every report in a part."""
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    county = county_param(request)
    rows = flag_rows(agreement, part=part, county=county)
    page = Paginator(rows, FLAGS_PER_PAGE).get_page(request.GET.get("sida"))
    return render(
        request,
        "analysis/flags.html",
        {
            "agreement": agreement,
            "part": part,
            "flags": as_dicts(page.object_list),
            "page": page,
            "params": f"lan={county}" if county else "",
            "summary": summary_of(rows),
            "counties": County.objects.all(),
            "county": county,
        },
    )


@role_required(*ANALYSTS, Role.COUNTY_COORDINATOR)
def report_flags(request, pk):
    """Quality flags for one report: analysts, and the county coordinator of its county."""
    report = get_object_or_404(
        Report.objects.select_related("organisation__county", "pot__part__agreement"), pk=pk
    )
    if not can_view_county(request.user, report.organisation.county):
        raise PermissionDenied
    rows = flag_rows(report.pot.part.agreement, report=report)
    return render(
        request,
        "analysis/flags.html",
        {
            "agreement": report.pot.part.agreement,
            "part": report.pot.part,
            "report": report,
            "flags": as_dicts(rows),
            "summary": summary_of(rows),
        },
    )
