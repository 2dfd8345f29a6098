from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis import snapshot, stored_documents
from stimulans.analysis.lookups import AnalysisError, get_agreement


class Command(BaseCommand):
    help = (
        "Write the status report of one year as Word, PDF or Excel: A4, Swedish, with cover, "
        "table of contents, page numbers and the version (or 'Utkast' and the date) on every "
        "page. With --published, the latest published version's stored document."
    )
    # Writing a document needs no system checks; they import every URL module (scikit-learn and
    # pysaml2 among them), about a quarter of the command's processor time.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--format", choices=snapshot.FORMATS, required=True)
        parser.add_argument("--output", required=True, help="The file to write")
        parser.add_argument(
            "--published",
            action="store_true",
            help="The document of the latest published version, not the figures as they are",
        )

    def handle(self, *args, **options):
        fmt = options["format"]
        try:
            agreement = get_agreement(options["year"])
            if options["published"]:
                version = snapshot.published_version(agreement)
                if version is None:
                    raise AnalysisError(
                        _("Lägesrapporten %(year)s är inte publicerad.") % {"year": agreement.year}
                    )
                # The published document as the public downloads it: made once, then stored.
                src = stored_documents.source(AnonymousUser(), agreement, None, fmt, draft=False)
                content = stored_documents.stored(src) or stored_documents.make(src)
            else:
                content = snapshot.render_document(
                    snapshot.report_data(agreement),
                    fmt,
                    flowcharts=snapshot.document_flowcharts(agreement),
                )
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        try:
            Path(options["output"]).write_bytes(content)
        except OSError as exc:
            message = _("Filen %(file)s kan inte skrivas (%(reason)s).") % {
                "file": options["output"],
                "reason": exc.strerror,
            }
            raise CommandError(message, returncode=2) from exc
