"""The shape the analysis commands share (`analyse`, `analyse-answers`, `funds`, `indicators`):
`--year`, per command `--part` and `--county`, `--format json` and `--published`; the figures
as indented JSON, an `AnalysisError` as status 2 with its Swedish message."""

import json

from django.core.management.base import BaseCommand, CommandError

from .lookups import AnalysisError


class FiguresCommand(BaseCommand):
    per_part = False
    per_county = False

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        if self.per_part:
            parser.add_argument(
                "--part", required=True, help="The part's slug, e.g. suicidprevention."
            )
        if self.per_county:
            parser.add_argument("--county", default=None, help="Only one county (code, e.g. 01).")
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--published", action="store_true", help="The latest published version's figures."
        )

    def figures(self, options):
        """The JSON-serialisable result; raises AnalysisError for bad input."""
        raise NotImplementedError

    def handle(self, *args, **options):
        try:
            result = self.figures(options)
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
