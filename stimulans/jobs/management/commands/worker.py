"""`stimulans worker`: run the background jobs (django-tasks' database backend), the same as its
`db_worker` with the product's defaults. `--batch` runs what is waiting, then stops."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Kör bakgrundsjobben (import, dokument, påminnelser, fördelningar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Kör jobben som väntar och avsluta sedan."
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Sekunder mellan försök.")

    def handle(self, *args, batch=False, interval=1.0, **options):
        call_command(
            "db_worker",
            batch=batch,
            interval=interval,
            no_startup_delay=True,
            verbosity=options.get("verbosity", 1),
        )
