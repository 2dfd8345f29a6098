"""Who may read which of a year's analysis figures. One rule for the analysis pages, their
downloads and the analysis JSON (`/analys/api/...`), from the roles table of the brief:

- analysts and national administrators read everything, published or not;
- a published year (its status report published) is open data: everyone reads every county;
- before publication a county coordinator reads the national totals and its own county's
  figures, never another county's;
- everyone else (reporters, anonymous) reads nothing of an unpublished year.

"National totals" are the figures summed over the country (the category tables, coverage and
indicators for the whole country, counts of quality flags). Figures of one county are the county
filter (`?lan=`), the per-county rows (coverage per county, indicator values per region) and
lists that name organisations (reported effects, flagged reports).
"""

from dataclasses import dataclass

from stimulans.accounts.models import Role

from .models import StatusReport


def is_published(agreement):
    return StatusReport.objects.filter(agreement=agreement, published=True).exists()


@dataclass(frozen=True)
class AnalysisScope:
    """The national totals, and the figures of every county (`counties` is None) or of the
    counties whose codes are in `counties`."""

    counties: frozenset | None = None

    @property
    def everything(self):
        return self.counties is None

    def allows(self, county_code):
        """May the figures of this county be shown? (None: the whole country, always.)"""
        return county_code is None or self.counties is None or county_code in self.counties

    def detail(self, county_code=None):
        """The county filter for figures of single counties: the requested county, or with
        none requested, every county (None) or the visible ones (a sorted list)."""
        if county_code is not None or self.counties is None:
            return county_code
        return sorted(self.counties)

    def county_choices(self, counties):
        """The counties to offer in a county filter."""
        return counties if self.counties is None else counties.filter(code__in=self.counties)

    def indicator_rows(self, rows):
        return [r for r in rows if r["scope"] == "national" or self.allows(r["scope"][7:])]

    def coverage(self, data):
        return {**data, "counties": [c for c in data["counties"] if self.allows(c["county_code"])]}


EVERYTHING = AnalysisScope()
NOTHING = None


def analysis_scope(user, agreement, published=None):
    """The AnalysisScope of `user` for the year of `agreement`, or None if the user may not read
    the year at all. `published` may be given when already known."""
    if user.is_authenticated and user.reads_everything:
        return EVERYTHING
    if published if published is not None else is_published(agreement):
        return EVERYTHING
    if (
        user.is_authenticated
        and user.role == Role.COUNTY_COORDINATOR
        and user.county_id is not None
    ):
        return AnalysisScope(frozenset([user.organisation.county.code]))
    return NOTHING
