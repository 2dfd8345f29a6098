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
from ..search import keyset_page, workbench_initiatives, workbench_rows
from .access import ANALYSTS, county_param

PER_PAGE = 50
# Texts the list does not show.
LONG_TEXTS = ("activities", "goals", "outputs", "effects", "measurement", "extra")


def _initiative_id(value):
    """An id from the page links (`efter`, `fore`), or None for anything else."""
    return int(value) if value and value.isdigit() and len(value) < 19 else None


@role_required(*ANALYSTS)
def workbench(request, year, part):
    """The analysts' list of initiatives for a part, with filters and free-text search, 50 a
    page: the links name the initiative the next page follows (`efter`) or the previous page
    precedes (`fore`), or ask for the last page (`sida=sista`), so that a deep page costs
    what the first does (`search.keyset_page`)."""
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    form = WorkbenchFilterForm(request.GET or None, part=part)
    qs = workbench_initiatives(part, form.cleaned_data if form.is_valid() else None)
    # The page's ids are sorted alone (narrow rows), then its 50 rows are read.
    page = keyset_page(
        qs,
        PER_PAGE,
        after=_initiative_id(request.GET.get("efter")),
        before=_initiative_id(request.GET.get("fore")),
        last=request.GET.get("sida") == "sista",
    )
    # Read by id alone: the ids passed the filters and the search already (running the search
    # again for 50 rows cost a tenth of the page at 30 000 initiatives; the part's filter made
    # SQLite walk the part's index to find them).
    rows = workbench_rows(page.ids).defer(*LONG_TEXTS)
    shown = {i.pk: i for i in rows}
    params = request.GET.copy()
    for name in ("sida", "efter", "fore"):
        params.pop(name, None)
    return render(
        request,
        "analysis/workbench.html",
        {
            "agreement": agreement,
            "part": part,
            "form": form,
            "page": page,
            "initiatives": [shown[pk] for pk in page.ids if pk in shown],
            "total": qs.count(),
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
