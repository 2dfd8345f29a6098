from django.utils.translation import gettext as _

from stimulans.analysis.figures_command import FiguresCommand
from stimulans.analysis.lookups import AnalysisError, get_agreement
from stimulans.analysis.money import funds_json
from stimulans.analysis.snapshot import published_section
from stimulans.organisations.models import County


class Command(FiguresCommand):
    help = (
        "Money followed through for one year: per pot and county, funds allocated, "
        "requisitioned, reported received, carried over and used, and put on initiatives "
        "within the agreement (submitted and approved reports)."
    )
    per_county = True

    def figures(self, options):
        agreement = get_agreement(options["year"])
        county = options["county"]
        if county is not None and not County.objects.filter(code=county).exists():
            raise AnalysisError(_("Det finns inget län med koden ”%(code)s”.") % {"code": county})
        if not options["published"]:
            return funds_json(agreement, county)
        data = published_section(agreement.year, "funds")
        return data if county is None else [_county_pot(pot, county) for pot in data]


def _county_pot(pot, county):
    """A published pot limited to one county, as `funds_json(agreement, county)` gives it."""
    own = [c for c in pot["counties"] if c["county"] == county]
    sums = {k: v for k, v in own[0].items() if k != "county"} if own else {}
    return {
        "part": pot["part"],
        "org_kind": pot["org_kind"],
        **{k: sums.get(k, 0) for k in pot if k not in ("part", "org_kind", "counties")},
        "counties": own,
    }
