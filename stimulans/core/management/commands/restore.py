from django.core.management.base import BaseCommand, CommandError

from stimulans.core.backup import RestoreError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `stimulans backup` into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            restore(options["file"])
        except RestoreError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write("Säkerhetskopian är återställd.")
