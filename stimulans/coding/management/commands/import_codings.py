from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.lib.inputfiles import read_import_file
from stimulans.reporting.imports import ImportFileError

from ...imports import import_codings


class Command(BaseCommand):
    help = (
        "Import coders' codes (CSV or XLSX: year,part,org_kind,org_code,initiative,coder,"
        "category,effect_level,effect_measured,link_quality,phase,within_agreement). "
        "All-or-nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        data = read_import_file(Path(options["file"]))
        try:
            codes, finals = import_codings(data)
        except ImportFileError as exc:
            raise CommandError(
                "\n".join([_("Inget importerades:"), *exc.errors]), returncode=2
            ) from exc
        self.stdout.write(
            _("%(codes)d koder importerade, %(finals)d blev slutlig kodning.")
            % {"codes": codes, "finals": finals}
        )
