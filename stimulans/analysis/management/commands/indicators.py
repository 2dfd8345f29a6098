from stimulans.analysis.figures_command import FiguresCommand
from stimulans.analysis.indicators import compute_indicators
from stimulans.analysis.lookups import get_agreement
from stimulans.analysis.snapshot import published_section


class Command(FiguresCommand):
    help = (
        "Indicator values for one year, national and per county, from summed numerators and "
        "denominators of the organisations that reported both."
    )

    def figures(self, options):
        agreement = get_agreement(options["year"])
        if options["published"]:
            return published_section(agreement.year, "indicators")
        return compute_indicators(agreement.year)
