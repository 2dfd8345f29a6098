from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.lib.inputfiles import read_import_file
from stimulans.reporting.imports import ImportFileError, import_initiatives


class Command(BaseCommand):
    help = (
        "Import earlier years' initiatives (CSV or XLSX: year,part,org_kind,org_code,initiative,"
        "category,activities,goals,outputs,effects,effect_level,effect_measured,funds_sek,phase,"
        "within_agreement) as submitted, imported reports. All-or-nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        run_import(self, options["file"], import_initiatives)


def run_import(command, filename, importer):
    path = Path(filename)
    data = read_import_file(path)
    try:
        result = importer(data, filename=path.name)
    except ImportFileError as exc:
        raise CommandError(
            "\n".join([_("Inget importerades:"), *exc.errors]), returncode=2
        ) from exc
    command.stdout.write(str(result.summary()))
