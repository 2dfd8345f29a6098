from django.core.management import call_command
from django.core.management.base import BaseCommand

from stimulans.core.setup import load_reference_data


class Command(BaseCommand):
    help = "Migrate the database and load the reference data (organisations, agreements)."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Databasen är migrerad. Laddar referensdata:")
        load_reference_data(self.stdout)
