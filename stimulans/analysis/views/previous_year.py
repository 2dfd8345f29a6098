"""The previous year beside this one on the part and indicator pages, where the user may read
the previous year too (`analysis_scope` of that year, for the same county filter)."""

from .. import snapshot
from ..aggregation import aggregate_part
from ..indicators import compute_indicators
from ..lookups import AnalysisError
from ..permissions import analysis_scope
from ..previous_year import (
    category_crosswalk,
    compare_category_tables,
    compare_indicators,
    previous_agreement,
    previous_part,
)


def readable_scope(user, agreement, county):
    scope = analysis_scope(user, agreement)
    return scope if scope is not None and scope.allows(county) else None


def category_comparison(user, part, result, county):
    """The category tables of this year and the previous year's same part, or None."""
    previous = previous_part(part)
    if previous is None or readable_scope(user, previous.agreement, county) is None:
        return None
    return compare_category_tables(
        result, aggregate_part(previous, county), category_crosswalk(part)
    )


def indicator_comparison(user, agreement, rows, county):
    """(previous year, {(indicator, scope): pair}) for the indicator rows, or (None, {})."""
    previous = previous_agreement(agreement)
    if previous is None:
        return None, {}
    scope = readable_scope(user, previous, county)
    if scope is None:
        return None, {}
    return previous.year, compare_indicators(
        rows, scope.indicator_rows(compute_indicators(previous.year))
    )


def published_category_comparison(part, result, county):
    """The same beside the previous year's published version (None where it is not
    published): what a published year's page shows, unchanged by later reports."""
    previous = previous_part(part)
    version = previous and snapshot.published_version(previous.agreement)
    if not version:
        return None
    try:
        data = snapshot.report_data(
            previous.agreement, county, None, version, parts=[part.slug], effects=0, flag_list=False
        )
    except AnalysisError:
        return None
    item = next((i for i in data["parts"] if i["part"]["slug"] == previous.slug), None)
    if item is None:
        return None
    return compare_category_tables(result, item["aggregate"], category_crosswalk(part))
