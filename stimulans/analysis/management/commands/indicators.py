import json

from django.core.management.base import BaseCommand, CommandError

from stimulans.analysis.indicators import compute_indicators
from stimulans.analysis.lookups import AnalysisError, get_agreement
from stimulans.analysis.snapshot import published_section


class Command(BaseCommand):
    help = (
        "Indicator values for one year, national and per county, from summed numerators and "
        "denominators of the organisations that reported both."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--published", action="store_true", help="The latest published version's values."
        )

    def handle(self, *args, **options):
        try:
            agreement = get_agreement(options["year"])
            if options["published"]:
                rows = published_section(agreement.year, "indicators")
            else:
                rows = compute_indicators(agreement.year)
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
