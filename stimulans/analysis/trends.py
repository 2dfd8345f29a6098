"""Trends over all years of a part: the chain of parts it continues (`previous_part`, the
recorded predecessor or the same slug), and per pot and category this year's series back through
the crosswalk (`category_crosswalk`: renamed categories keep their series, merged ones are added
up, a category that continues none starts a new series and says from which year). Plain JSON."""

from collections.abc import Callable
from typing import Any

from stimulans.funds.models import AgreementPart, Pot

from .aggregation import aggregate_part
from .previous_year import category_crosswalk, merged_row, previous_part

TREND_FIELDS = ("actors_with_activities", "actors_with_effects", "initiatives", "funds_sek")


def part_chain(
    part: AgreementPart, readable: Callable[[Any], bool] = lambda agreement: True
) -> list[AgreementPart]:
    """The part and those it continues, oldest first, as far back as `readable` allows."""
    chain = [part]
    seen = {part.pk}
    earlier = previous_part(part)
    while earlier is not None and earlier.pk not in seen and readable(earlier.agreement):
        chain.append(earlier)
        seen.add(earlier.pk)
        earlier = previous_part(earlier)
    return chain[::-1]


def _earlier_ids(ids, later_part, later_rows, earlier_rows):
    """The category ids of the earlier year that the later year's `ids` continue."""
    crosswalk = category_crosswalk(later_part)
    if crosswalk is None:
        slugs = {r["category"] for r in later_rows if r["category_id"] in ids}
        return [r["category_id"] for r in earlier_rows if r["category"] in slugs]
    return [e for i in ids for e in crosswalk.get(i, [])]


def _cells(rows):
    if not rows:
        return None
    row = merged_row(rows)
    return {f: row.get(f) for f in (*TREND_FIELDS, "title")}


def part_trend(
    part: AgreementPart,
    county: str | None = None,
    readable: Callable[[Any], bool] = lambda agreement: True,
) -> dict[str, Any] | None:
    """{"years", "pots": [{"org_kind", "org_kind_label", "amounts", "rows": [{"title",
    "cells": [per year a dict or None], "new_series_from", "earlier_titles"}]}]}, or None when
    the part has only one year."""
    chain = part_chain(part, readable)
    if len(chain) < 2:
        return None
    results = [aggregate_part(p, county) for p in chain]
    amounts = {
        (pot.part_id, pot.recipient_kind): pot.amount_sek
        for pot in Pot.objects.filter(part__in=chain)
    }
    years = [p.agreement.year for p in chain]
    pots = []
    for pot in results[-1]["pots"]:
        kind = pot["org_kind"]
        per_year: list[list[dict[str, Any]]] = [
            next((q["categories"] for q in r["pots"] if q["org_kind"] == kind), []) for r in results
        ]
        rows = []
        for category in pot["categories"]:
            ids = [category["category_id"]]
            cells = [None] * len(chain)
            cells[-1] = _cells([category])
            titles: list[str] = []
            for i in range(len(chain) - 1, 0, -1):
                ids = _earlier_ids(ids, chain[i], per_year[i], per_year[i - 1])
                found = [r for r in per_year[i - 1] if r["category_id"] in ids]
                cells[i - 1] = _cells(found)
                titles.extend(r["title"] for r in found if r["title"] not in titles)
            first = next(n for n, c in enumerate(cells) if c is not None)
            rows.append(
                {
                    "title": category["title"],
                    "cells": cells,
                    "new_series_from": years[first] if first > 0 else None,
                    "earlier_titles": [t for t in titles if t != category["title"]],
                }
            )
        pots.append(
            {
                "org_kind": kind,
                "org_kind_label": pot["org_kind_label"],
                "amounts": [amounts.get((p.pk, kind)) for p in chain],
                "rows": rows,
            }
        )
    return {"years": years, "pots": pots}
