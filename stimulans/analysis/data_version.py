"""The version of a year's data: a short text that changes whenever anything the year's analysis
reads changes (reports and their answers, initiatives, measures, the analysts' coding, texts and
text groups, allocations and requisitions, publication, the indicator catalogue, the
imported official statistics). Built from a
few cheap aggregate queries (counts, largest ids, latest change times; the history tables'
latest id catch edits that leave no timestamp), so caches of the analysis
(`year_analysis.analyse_year`, the stored quality flags of `analysis.flags`) can be keyed on it
and recomputed on change. Not covered: names of organisations, counties, parts and categories
(reference data, changed by administrators between years)."""

import functools
import hashlib

from django.db import connection

from stimulans.funds.models import Agreement, AgreementPart, Allocation, Category, Pot, Requisition
from stimulans.reporting.models import Initiative, MeasureValue, Report

from .models import (
    Indicator,
    InitiativeCoding,
    ReportText,
    StatisticValue,
    StatusReport,
    StatusReportVersion,
    TextGroupOverride,
)


def _table(model):
    return model._meta.db_table


@functools.cache
def _statement():
    """One statement of scalar subqueries (one round trip; building a dozen ORM aggregates
    cost more than running them), the year its parameter."""
    pot, part, agreement = (_table(m) for m in (Pot, AgreementPart, Agreement))
    pots = (
        f"SELECT p.id FROM {pot} p JOIN {part} ap ON ap.id = p.part_id "
        f"JOIN {agreement} a ON a.id = ap.agreement_id WHERE a.year = %(year)s"
    )
    report, initiative = _table(Report), _table(Initiative)
    reports = f"SELECT id FROM {report} WHERE pot_id IN ({pots})"
    initiatives = f"SELECT id FROM {initiative} WHERE report_id IN ({reports})"
    year_agreement = f"SELECT id FROM {agreement} WHERE year = %(year)s"
    facts = [
        f"SELECT COUNT(*) FROM {report} WHERE pot_id IN ({pots})",
        f"SELECT MAX(updated_at) FROM {report} WHERE pot_id IN ({pots})",
        f"SELECT MAX(id) FROM {report} WHERE pot_id IN ({pots})",
        f"SELECT MAX(history_id) FROM {_table(Report.history.model)} WHERE pot_id IN ({pots})",
        f"SELECT COUNT(*) FROM {initiative} WHERE report_id IN ({reports})",
        f"SELECT MAX(id) FROM {initiative} WHERE report_id IN ({reports})",
        f"SELECT MAX(history_id) FROM {_table(Initiative.history.model)} "
        f"WHERE report_id IN ({reports})",
        f"SELECT COUNT(*) FROM {_table(MeasureValue.history.model)} WHERE report_id IN ({reports})",
        f"SELECT MAX(history_id) FROM {_table(MeasureValue.history.model)} "
        f"WHERE report_id IN ({reports})",
        f"SELECT COUNT(*) FROM {_table(InitiativeCoding)} WHERE initiative_id IN ({initiatives})",
        f"SELECT MAX(coded_at) FROM {_table(InitiativeCoding)} "
        f"WHERE initiative_id IN ({initiatives})",
        f"SELECT COUNT(*) FROM {_table(ReportText)} WHERE agreement_id IN ({year_agreement})",
        f"SELECT MAX(updated_at) FROM {_table(ReportText)} "
        f"WHERE agreement_id IN ({year_agreement})",
        f"SELECT COUNT(*) FROM {_table(TextGroupOverride)} WHERE category_id IN "
        f"(SELECT id FROM {_table(Category)} WHERE pot_id IN ({pots}))",
        f"SELECT MAX(changed_at) FROM {_table(TextGroupOverride)} WHERE category_id IN "
        f"(SELECT id FROM {_table(Category)} WHERE pot_id IN ({pots}))",
        f"SELECT COUNT(*) FROM {_table(Allocation)} WHERE pot_id IN ({pots})",
        f"SELECT MAX(id) FROM {_table(Allocation)} WHERE pot_id IN ({pots})",
        f"SELECT MAX(computed_at) FROM {_table(Allocation)} WHERE pot_id IN ({pots})",
        f"SELECT COUNT(*) FROM {_table(Requisition)} WHERE allocation_id IN "
        f"(SELECT id FROM {_table(Allocation)} WHERE pot_id IN ({pots}))",
        f"SELECT MAX(id) FROM {_table(Requisition)} WHERE allocation_id IN "
        f"(SELECT id FROM {_table(Allocation)} WHERE pot_id IN ({pots}))",
        # Publication decides whether the next year's analysis shows this year beside it.
        f"SELECT COUNT(*) FROM {_table(StatusReport)} "
        f"WHERE published = %(yes)s AND agreement_id IN ({year_agreement})",
        f"SELECT MAX(id) FROM {_table(StatusReportVersion)} "
        f"WHERE agreement_id IN ({year_agreement})",
        f"SELECT COUNT(*) FROM {_table(Indicator)}",
        f"SELECT MAX(id) FROM {_table(Indicator)}",
        # The official statistics the indicators on statistics read.
        f"SELECT COUNT(*) FROM {_table(StatisticValue)} WHERE year = %(year)s",
        f"SELECT MAX(imported_at) FROM {_table(StatisticValue)} WHERE year = %(year)s",
    ]
    return "SELECT " + ", ".join(f"({sql})" for sql in facts)


def data_version(year) -> str:
    """A short hash of the year's data facts; equal versions mean unchanged data."""
    with connection.cursor() as cursor:
        cursor.execute(_statement(), {"year": year, "yes": True})
        row = cursor.fetchone()
    text = repr([year, *row])
    return hashlib.sha256(text.encode()).hexdigest()[:16]
