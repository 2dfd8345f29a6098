from ...command import PartCommand
from ...suggestions import suggest


class Command(PartCommand):
    help = (
        "Suggested coding of every initiative of a part without a final coding, from a model "
        "trained on the analysts' codings (stored as suggestions; never as codings)."
    )

    def part_figures(self, part):
        return [
            {
                "org_kind": initiative.report.organisation.kind,
                "org_code": initiative.report.organisation.code,
                "initiative": initiative.identifier,
                "category": suggestion.category.slug if suggestion.category_id else None,
                "confidence": suggestion.category_confidence,
                "effect_level": suggestion.effect_level or None,
                "link_quality": suggestion.link_quality or None,
            }
            for initiative, suggestion in suggest(part)
        ]
