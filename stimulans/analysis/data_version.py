"""The version of a year's data: a short text that changes whenever anything the year's analysis
reads changes (reports and their answers, initiatives, measures, the analysts' coding, texts and
text groups, allocations and requisitions, publication, the indicator catalogue). Built from a
few cheap aggregate queries (counts, largest ids, latest change times; the history tables'
latest id catch edits that leave no timestamp), so caches of the analysis
(`year_analysis.analyse_year`, the stored quality flags of `analysis.flags`) can be keyed on it
and recomputed on change. Not covered: names of organisations, counties, parts and categories
(reference data, changed by administrators between years)."""

import hashlib

from django.db.models import Count, Max, Q

from stimulans.funds.models import Allocation, Pot, Requisition
from stimulans.reporting.models import Initiative, MeasureValue, Report

from .models import (
    Indicator,
    InitiativeCoding,
    ReportText,
    StatusReport,
    StatusReportVersion,
    TextGroupOverride,
)


def _facts(year):
    pots = list(Pot.objects.filter(part__agreement__year=year).values_list("pk", flat=True))
    reports = Report.objects.filter(pot__in=pots)
    report_ids = reports.values("pk")
    yield reports.aggregate(n=Count("pk"), last=Max("updated_at"), top=Max("pk"))
    yield Report.history.filter(pot_id__in=pots).aggregate(top=Max("history_id"))
    initiatives = Initiative.objects.filter(report__in=report_ids)
    yield initiatives.aggregate(n=Count("pk"), top=Max("pk"))
    yield Initiative.history.filter(report_id__in=report_ids).aggregate(top=Max("history_id"))
    yield MeasureValue.history.filter(report_id__in=report_ids).aggregate(
        n=Count("history_id"), top=Max("history_id")
    )
    yield InitiativeCoding.objects.filter(initiative__report__in=report_ids).aggregate(
        n=Count("pk"), last=Max("coded_at")
    )
    yield ReportText.objects.filter(agreement__year=year).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    yield TextGroupOverride.objects.filter(category__pot__in=pots).aggregate(
        n=Count("pk"), last=Max("changed_at")
    )
    yield Allocation.objects.filter(pot__in=pots).aggregate(
        n=Count("pk"), top=Max("pk"), last=Max("computed_at")
    )
    # Publication decides whether the next year's analysis shows this year beside it.
    yield StatusReport.objects.filter(agreement__year=year).aggregate(
        n=Count("pk", filter=Q(published=True))
    )
    yield StatusReportVersion.objects.filter(agreement__year=year).aggregate(top=Max("pk"))
    yield Indicator.objects.aggregate(n=Count("pk"), top=Max("pk"))
    yield Requisition.objects.filter(allocation__pot__in=pots).aggregate(
        n=Count("pk"), top=Max("pk")
    )


def data_version(year) -> str:
    """A short hash of the year's data facts; equal versions mean unchanged data."""
    text = repr([year, *(sorted(facts.items()) for facts in _facts(year))])
    return hashlib.sha256(text.encode()).hexdigest()[:16]
