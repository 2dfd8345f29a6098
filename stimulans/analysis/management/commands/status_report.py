from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis.documents import FORMATS, status_report
from stimulans.analysis.lookups import AnalysisError, get_agreement


class Command(BaseCommand):
    help = (
        "Write the status report of one year as Word, PDF or Excel: A4, Swedish, with cover, "
        "table of contents, page numbers and the version (or 'Utkast' and the date) on every "
        "page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--output", required=True, help="The file to write")

    def handle(self, *args, **options):
        try:
            agreement = get_agreement(options["year"])
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        content = status_report(agreement, options["format"])
        try:
            Path(options["output"]).write_bytes(content)
        except OSError as exc:
            message = _("Filen %(file)s kan inte skrivas (%(reason)s).") % {
                "file": options["output"],
                "reason": exc.strerror,
            }
            raise CommandError(message, returncode=2) from exc
