"""The previous year beside this one on the part and indicator pages, where the user may read
the previous year too (`analysis_scope` of that year, for the same county filter)."""

from ..aggregation import aggregate_part
from ..indicators import compute_indicators
from ..permissions import analysis_scope
from ..previous_year import (
    compare_category_tables,
    compare_indicators,
    previous_agreement,
    previous_part,
)


def _readable(user, agreement, county):
    scope = analysis_scope(user, agreement)
    return scope if scope is not None and scope.allows(county) else None


def category_comparison(user, part, result, county):
    """The category tables of this year and the previous year's same part, or None."""
    previous = previous_part(part)
    if previous is None or _readable(user, previous.agreement, county) is None:
        return None
    return compare_category_tables(result, aggregate_part(previous, county))


def indicator_comparison(user, agreement, rows, county):
    """(previous year, {(indicator, scope): pair}) for the indicator rows, or (None, {})."""
    previous = previous_agreement(agreement)
    if previous is None:
        return None, {}
    scope = _readable(user, previous, county)
    if scope is None:
        return None, {}
    return previous.year, compare_indicators(
        rows, scope.indicator_rows(compute_indicators(previous.year))
    )
