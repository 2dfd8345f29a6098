import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis.answers import answers_json
from stimulans.analysis.lookups import AnalysisError, get_part
from stimulans.analysis.snapshot import published_section


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
        parser.add_argument(
            "--published", action="store_true", help="The latest published version's figures."
        )

    def handle(self, *args, **options):
        try:
            part = get_part(options["year"], options["part"])
            if options["published"]:
                if options["county"]:
                    raise AnalysisError(
                        _("De publicerade svaren gäller hela landet. Ange inget län.")
                    )
                result = published_section(part.agreement.year, "answers")[part.slug]
            else:
                result = answers_json(part, county=options["county"])
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
