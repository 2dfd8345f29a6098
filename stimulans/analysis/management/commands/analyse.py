import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis.aggregation import aggregate_json, aggregate_part
from stimulans.analysis.lookups import AnalysisError, get_part
from stimulans.analysis.snapshot import published_section


class Command(BaseCommand):
    help = (
        "Aggregate one part of one year's reports: per pot, reporting actors and per category "
        "actors with activities, effects and target-group effects, initiatives and funds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--part", required=True, help="The part's slug, e.g. suicidprevention.")
        parser.add_argument("--county", default=None, help="Only one county (code, e.g. 01).")
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--published", action="store_true", help="The latest published version's figures."
        )

    def handle(self, *args, **options):
        try:
            part = get_part(options["year"], options["part"])
            if options["published"]:
                result = _published(part, options["county"])
            else:
                result = aggregate_json(aggregate_part(part, county=options["county"]))
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))


def _published(part, county):
    """The part's tables in the latest published version, of the country or one county."""
    year = part.agreement.year
    if not county:
        return published_section(year, "analyse")[part.slug]
    data = published_section(year, "counties").get(county)
    if data is None:
        raise AnalysisError(_("Det finns inget län med koden %(code)s.") % {"code": county})
    item = next(i for i in data["parts"] if i["part"]["slug"] == part.slug)
    return aggregate_json(item["aggregate"])
