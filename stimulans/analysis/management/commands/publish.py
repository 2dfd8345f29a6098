from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis import snapshot, stored_documents
from stimulans.analysis.lookups import AnalysisError, get_agreement


class Command(BaseCommand):
    help = (
        "Publish a new version of one year's status report: every figure, table, text and "
        "document as it is now, frozen; public pages, JSON and downloads serve it. The national "
        "report's documents are made at once, as visitors download them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--note", default="", help="What changed since the last version.")

    def handle(self, *args, **options):
        try:
            agreement = get_agreement(options["year"])
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        version = snapshot.publish(agreement, note=options["note"])
        self.stdout.write(
            _("Lägesrapporten %(year)s är publicerad som version %(number)d.")
            % {"year": agreement.year, "number": version.number}
        )
        try:
            for fmt in snapshot.FORMATS:
                stored_documents.make(stored_documents.public_source(agreement, fmt))
        except AnalysisError as exc:  # published; the documents are made at the first download
            raise CommandError(str(exc)) from exc
        self.stdout.write(_("Lägesrapportens dokument i Word, PDF och Excel är skapade."))
