from stimulans.analysis.aggregation import aggregate_json, aggregate_part
from stimulans.analysis.figures_command import FiguresCommand
from stimulans.analysis.lookups import get_part
from stimulans.analysis.snapshot import published_section


class Command(FiguresCommand):
    help = (
        "Aggregate one part of one year's reports: per pot, reporting actors and per category "
        "actors with activities, effects and target-group effects, initiatives and funds."
    )
    per_part = per_county = True

    def figures(self, options):
        part = get_part(options["year"], options["part"])
        if options["published"]:
            return _published(part, options["county"])
        return aggregate_json(aggregate_part(part, county=options["county"]))


def _published(part, county):
    """The part's tables in the latest published version, of the country or one county."""
    year = part.agreement.year
    if not county:
        return published_section(year, "analyse")[part.slug]
    data = published_section(year, "counties", county, parts=[part.slug], effects=0)
    item = next(i for i in data["parts"] if i["part"]["slug"] == part.slug)
    return aggregate_json(item["aggregate"])
