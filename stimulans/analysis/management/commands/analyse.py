import json

from django.core.management.base import BaseCommand, CommandError

from stimulans.analysis.aggregation import aggregate_json, aggregate_part
from stimulans.analysis.lookups import AnalysisError, get_part


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

    def handle(self, *args, **options):
        try:
            part = get_part(options["year"], options["part"])
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        result = aggregate_json(aggregate_part(part, county=options["county"]))
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
