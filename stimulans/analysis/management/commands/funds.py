import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.analysis.lookups import AnalysisError, get_agreement
from stimulans.analysis.money import funds_json
from stimulans.organisations.models import County


class Command(BaseCommand):
    help = (
        "Money followed through for one year: per pot and county, funds allocated, "
        "requisitioned, reported received, carried over and used, and put on initiatives "
        "within the agreement (submitted and approved reports)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--county", default=None, help="Only one county (code, e.g. 01).")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, **options):
        try:
            agreement = get_agreement(options["year"])
        except AnalysisError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        county = options["county"]
        if county is not None and not County.objects.filter(code=county).exists():
            raise CommandError(
                _("Det finns inget län med koden ”%(code)s”.") % {"code": county}, returncode=2
            )
        data = funds_json(agreement, county)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
