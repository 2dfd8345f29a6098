"""The status report's chapter on support needs: the national counts per theme and part from
the support register (`stimulans.support`, below analysis). National only: a county's fact
sheet has no such chapter."""

from typing import Any

from django.utils.translation import gettext as _

from stimulans.support.national import support_needs_section

__all__ = ["support_needs_blocks", "support_needs_json", "support_needs_section"]


def support_needs_json(agreement: Any, county: str | None) -> dict[str, Any] | None:
    return support_needs_section(agreement) if county is None else None


def support_needs_blocks(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Word and Excel blocks of the chapter (nothing for a fact sheet or an older version)."""
    needs = data.get("support_needs")
    if not needs or not needs["rows"]:
        return []
    header = [_("Tema"), *[p["title"] for p in needs["parts"]], _("Utan del"), _("Totalt")]
    rows = [
        [
            r["name"] + (f" ({_('prioriterat')})" if r["prioritised"] else ""),
            *[r["by_part"].get(p["slug"], 0) for p in needs["parts"]],
            r["no_part"],
            r["total"],
        ]
        for r in needs["rows"]
    ]
    return [
        ("h2", _("Stödbehov")),
        (
            "p",
            _(
                "Stödbehov per tema och del, från dialoger, workshoppar och redovisningarnas "
                "stödfråga. Totalt %(total)s, varav %(uncoded)s ännu inte kodade till tema."
            )
            % {"total": needs["total"], "uncoded": needs["uncoded"]},
        ),
        ("table", _("Stödbehov"), header, rows),
    ]
