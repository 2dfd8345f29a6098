"""The shape of the coding commands: `--year`, `--part`, `--format json`; the result as
indented JSON, an AnalysisError (unknown year or part) as status 2 with its Swedish message."""

from stimulans.analysis.figures_command import FiguresCommand
from stimulans.analysis.lookups import get_part


class PartCommand(FiguresCommand):
    def add_arguments(self, parser):
        parser.add_argument("--year", required=True)
        parser.add_argument("--part", required=True, help="The part's slug, e.g. suicidprevention.")
        parser.add_argument("--format", choices=["json"], default="json")

    def figures(self, options):
        return self.part_figures(get_part(options["year"], options["part"]))

    def part_figures(self, part):
        raise NotImplementedError
