"""`stimulans worker`: run the background jobs (django-tasks' database backend), the same as its
`db_worker` with the product's defaults: one process, running one job at a time, at a lower
priority than the web server (`--nice`, default 10), so that rendering a document on a small
server takes the cores the pages leave idle rather than half of them. `--batch` runs what is
waiting, then stops."""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

NICE = 10


class Command(BaseCommand):
    help = "Kör bakgrundsjobben (import, dokument, påminnelser, fördelningar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Kör jobben som väntar och avsluta sedan."
        )
        parser.add_argument("--interval", type=float, default=1.0, help="Sekunder mellan försök.")
        parser.add_argument(
            "--nice",
            type=int,
            default=NICE,
            help="Sänk processens prioritet så mycket (0–19; 0: samma som webbservern).",
        )

    def handle(self, *args, batch=False, interval=1.0, nice=NICE, **options):
        lower_priority(nice)
        call_command(
            "db_worker",
            batch=batch,
            interval=interval,
            no_startup_delay=True,
            verbosity=options.get("verbosity", 1),
        )


def lower_priority(steps):
    """Lower this process' priority by `steps` (niceness only goes up without privileges: a
    process already as nice stays as it is). Returns the niceness now."""
    steps = max(0, min(19, steps))
    current = os.nice(0)
    if steps and current < steps:
        return os.nice(steps - current)
    return current
