from django.core.management.base import BaseCommand

from stimulans.reporting.imports import import_measures

from .import_initiatives import run_import


class Command(BaseCommand):
    help = (
        "Import earlier years' measures (CSV or XLSX: year,org_kind,org_code,measure,value) into "
        "submitted, imported reports of the pots that collect them. All-or-nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        run_import(self, options["file"], import_measures)
