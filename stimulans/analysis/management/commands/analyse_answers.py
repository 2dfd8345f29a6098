from django.utils.translation import gettext as _

from stimulans.analysis.answers import answers_json
from stimulans.analysis.figures_command import FiguresCommand
from stimulans.analysis.lookups import AnalysisError, get_part
from stimulans.analysis.snapshot import published_section


class Command(FiguresCommand):
    help = (
        "The answers to one part's questionnaire questions: per pot, reporting actors and per "
        "select_one, select_multiple and integer question how many answered, how many chose "
        "each choice and the sum."
    )
    per_part = per_county = True

    def figures(self, options):
        part = get_part(options["year"], options["part"])
        if not options["published"]:
            return answers_json(part, county=options["county"])
        if options["county"]:
            raise AnalysisError(_("De publicerade svaren gäller hela landet. Ange inget län."))
        return published_section(part.agreement.year, "answers")[part.slug]
