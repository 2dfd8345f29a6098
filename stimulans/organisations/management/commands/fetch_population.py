from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from stimulans.organisations.scb_api import POPULATION_TABLE, FetchError, fetch_population

from .import_population import Command as ImportCommand


class Command(ImportCommand):
    help = (
        "Fetch a year's population by region and age from SCB's API (PxWebApi 2, JSON-stat 2.0) "
        "and import it as import-population does."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--url", default=None, help="The API's base URL (default: settings.SCB_API_URL)."
        )
        parser.add_argument("--save", default=None, help="Also keep SCB's answer in this file.")
        self.add_import_arguments(parser)

    def handle(self, *args, **options):
        year = options["year"]
        if not 1968 <= year <= 2100:
            raise CommandError(_("Året ska vara ett årtal, t.ex. 2020."), returncode=2)
        try:
            data = fetch_population(year, options["url"])
        except FetchError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if options["save"]:
            Path(options["save"]).write_bytes(data)
        self.import_bytes(data, f"SCB {POPULATION_TABLE} {year}.json", options)
