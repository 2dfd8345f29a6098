from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stimulans.accounts.models import User
from stimulans.core.demo import describe_accounts, load_demo


class Command(BaseCommand):
    help = "Add the demo content: synthetic population, allocations, users, reports."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-new", action="store_true", help="Do nothing if the database already has users."
        )

    def handle(self, *args, **options):
        if not settings.ALLOW_DEMO_ACCOUNTS:
            raise CommandError("Demokonton skapas inte med produktionsinställningar.")
        if options["if_new"] and User.objects.exists():
            self.stdout.write("Databasen har redan innehåll; demodata laddas inte igen.")
        else:
            load_demo()
            self.stdout.write(
                "Demodata är laddade (befolkningssiffrorna är inte officiell statistik)."
            )
        self.stdout.write(describe_accounts())
