from django.core.management.base import BaseCommand

from stimulans.reporting.answer_import import import_answers

from .import_initiatives import run_import


class Command(BaseCommand):
    help = (
        "Import earlier years' answers to the questionnaires' questions (CSV or XLSX: year,part,"
        "org_kind,org_code,question,value) as submitted, imported reports. All-or-nothing; "
        "the reports' initiatives and other answers are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        run_import(self, options["file"], import_answers)
