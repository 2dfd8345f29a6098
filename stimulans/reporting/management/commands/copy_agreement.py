from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.lib.text import year_param
from stimulans.reporting.agreement_copy import CopyError, copy_agreement
from stimulans.reporting.models import Questionnaire


class Command(BaseCommand):
    help = (
        "Copy the agreement of year FROM (parts, pots, keys, category lists, measures, "
        "questionnaires; deadline and population years moved) as the agreement of year TO. "
        "All-or-nothing; exit status 2 when FROM is unknown or TO exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("from_year", metavar="FROM")
        parser.add_argument("to_year", metavar="TO")

    def handle(self, *args, **options):
        years = [year_param(options["from_year"]), year_param(options["to_year"])]
        for text, year in zip((options["from_year"], options["to_year"]), years, strict=True):
            if year is None:
                raise CommandError(
                    _("”%(text)s” är inte ett år (fyra siffror).") % {"text": text}, returncode=2
                )
        try:
            result = copy_agreement(years[0], years[1])
        except CopyError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        agreement = result.agreement
        self.stdout.write(
            _(
                "Överenskommelsen %(year)s är skapad från %(source)s: %(parts)d delar, "
                "%(pots)d potter, %(questionnaires)d enkäter."
            )
            % {
                "year": agreement.year,
                "source": result.source.year,
                "parts": agreement.parts.count(),
                "pots": len(result.pots),
                "questionnaires": Questionnaire.objects.filter(
                    pot__part__agreement=agreement
                ).count(),
            }
        )
