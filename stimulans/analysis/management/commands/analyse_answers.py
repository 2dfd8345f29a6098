import json

from django.core.management.base import BaseCommand, CommandError

from stimulans.analysis.answers import answers_json
from stimulans.analysis.lookups import AnalysisError, get_part


class Command(BaseCommand):
    help = (
        "The answers to one part's questionnaire questions: per pot, reporting actors and per "
        "select_one, select_multiple and integer question how many answered, how many chose "
        "each choice and the sum."
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
        result = answers_json(part, county=options["county"])
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
