from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis.official_statistics import (
    SOURCES,
    StatisticsImportError,
    import_statistics,
)
from stimulans.lib.inputfiles import read_import_file


class Command(BaseCommand):
    help = (
        "Import official statistics for indicators: Kolada's open API data response (JSON) or a "
        "CSV with the columns series,org_kind,org_code,year,value. All or nothing; importing the "
        "same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--source", choices=SOURCES, required=True)

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            count = import_statistics(read_import_file(path), options["source"])
        except StatisticsImportError as exc:
            raise CommandError(
                "\n".join([_("Inget importerades:"), *exc.errors]), returncode=2
            ) from exc
        self.stdout.write(_("%(n)d statistikvärden importerade.") % {"n": count})
