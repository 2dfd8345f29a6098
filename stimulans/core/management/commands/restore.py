from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.core.backup import RestoreError, restore
from stimulans.lib.numbers import thousands


class Command(BaseCommand):
    help = (
        "Restore a backup made by `stimulans backup` (the database and the uploaded files) into "
        "an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            files = restore(options["file"])
        except RestoreError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(
            _("Säkerhetskopian är återställd (uppladdade filer: %(files)s).")
            % {"files": thousands(len(files))}
        )
