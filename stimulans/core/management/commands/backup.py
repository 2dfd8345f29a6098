from django.core.management.base import BaseCommand

from stimulans.core.backup import backup


class Command(BaseCommand):
    help = "Write a backup of the whole database (gzip-compressed JSON) to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        size = backup(options["file"])
        self.stdout.write(f"Säkerhetskopian är skriven till {options['file']} ({size} byte).")
