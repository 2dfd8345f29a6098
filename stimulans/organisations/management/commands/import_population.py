from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.lib.inputfiles import read_import_file
from stimulans.organisations.population import (
    PartialPopulationError,
    PopulationImportError,
    import_population,
)


class Command(BaseCommand):
    help = (
        "Import SCB's population by region and age: the statistical database's CSV (Swedish or "
        "English), JSON-stat 2.0 or PX-Web JSON, recognised by the content."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        self.add_import_arguments(parser)

    def add_import_arguments(self, parser):
        parser.add_argument("--source", default="SCB, Folkmängden efter region, ålder och år")
        parser.add_argument(
            "--not-official",
            action="store_true",
            help="Label the figures as not official statistics (e.g. demo or estimates).",
        )
        parser.add_argument(
            "--replace-year",
            action="store_true",
            help=(
                "Replace every figure of the file's years, even if the file covers only part of "
                "the country (organisations missing from it lose their figures for the year)."
            ),
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        self.import_bytes(read_import_file(path), path.name, options)

    def import_bytes(self, data, filename, options):
        try:
            datasets = import_population(
                data,
                source=options["source"],
                official=not options["not_official"],
                filename=filename,
                replace_year=options["replace_year"],
            )
        except PopulationImportError as exc:
            lines = [_("Inget importerades:"), *exc.errors]
            if isinstance(exc, PartialPopulationError):
                lines.append(
                    _(
                        "Filen täcker bara en del av landet. Vill du ersätta årets alla "
                        "uppgifter med filens, kör om kommandot med --replace-year."
                    )
                )
            raise CommandError("\n".join(lines), returncode=2) from exc
        for d in datasets:
            self.stdout.write(f"{d.year}: {d.figures.count()} rader importerade.")
