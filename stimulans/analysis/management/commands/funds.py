import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis.lookups import AnalysisError, get_agreement
from stimulans.analysis.money import funds_json
from stimulans.analysis.snapshot import published_section
from stimulans.organisations.models import County


class Command(BaseCommand):
    help = (
        "Money followed through for one year: per pot and county, funds allocated, "
        "requisitioned, reported received, carried over and used, and put on initiatives "
        "within the agreement (submitted and approved reports)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--county", default=None, help="Only one county (code, e.g. 01).")
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--published", action="store_true", help="The latest published version's figures."
        )

    def handle(self, *args, **options):
        try:
            agreement = get_agreement(options["year"])
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        county = options["county"]
        if county is not None and not County.objects.filter(code=county).exists():
            raise CommandError(
                _("Det finns inget län med koden ”%(code)s”.") % {"code": county}, returncode=2
            )
        if options["published"]:
            try:
                data = published_section(agreement.year, "funds")
            except AnalysisError as exc:
                raise CommandError(str(exc), returncode=2) from exc
            if county is not None:
                data = [_county_pot(pot, county) for pot in data]
        else:
            data = funds_json(agreement, county)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))


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
