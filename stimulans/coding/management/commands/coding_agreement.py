from ...command import PartCommand
from ...measured import agreement_json


class Command(PartCommand):
    help = (
        "Agreement between coders per dimension of a part: percentage agreement, Cohen's kappa "
        "(exactly two coders) and Krippendorff's alpha (nominal), as JSON."
    )

    def part_figures(self, part):
        return agreement_json(part)
