from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stimulans.organisations.population import PopulationImportError, import_population


class Command(BaseCommand):
    help = "Import SCB's population table (region, ålder, [kön,] year columns) from CSV."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", default="SCB, Folkmängden efter region, ålder och år")
        parser.add_argument(
            "--not-official",
            action="store_true",
            help="Label the figures as not official statistics (e.g. demo or estimates).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Filen {path} kan inte läsas: {exc}", returncode=2) from exc
        try:
            datasets = import_population(
                data,
                source=options["source"],
                official=not options["not_official"],
                filename=path.name,
            )
        except PopulationImportError as exc:
            raise CommandError(
                "Inget importerades:\n" + "\n".join(exc.errors), returncode=2
            ) from exc
        for d in datasets:
            self.stdout.write(f"{d.year}: {d.figures.count()} rader importerade.")
