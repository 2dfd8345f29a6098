"""The previous year beside this one: the part this one continues (its `predecessor`, else the
same slug in the nearest earlier agreement), its category tables paired by recipient kind and by
the crosswalk between years (`Category.predecessors`: renamed, merged and split categories; a
category without any starts a new series), or by category slug where the part records no
crosswalk at all; and the indicators paired by indicator and scope, with the change
(`comparison`)."""

from typing import Any

from stimulans.funds.models import AgreementPart, Category
from stimulans.funds.years import previous_agreement, previous_part

from .comparison import change, compare_rows

__all__ = [
    "category_crosswalk",
    "compare_category_tables",
    "compare_indicators",
    "previous_agreement",
    "previous_part",
]

CATEGORY_CHANGE_FIELDS = (
    "actors_with_activities",
    "actors_with_effects",
    "actors_with_target_group_effects",
    "initiatives",
    "funds_sek",
)


def category_crosswalk(part: AgreementPart) -> dict[int, list[int]] | None:
    """{category id: [ids of the earlier categories it continues]} for every category of the
    part, or None when none of them names any (then categories are paired by slug)."""
    through = Category.predecessors.through
    links = through.objects.filter(from_category__pot__part=part).values_list(
        "from_category_id", "to_category_id"
    )
    if not links:
        return None
    crosswalk: dict[int, list[int]] = {
        pk: [] for pk in Category.objects.filter(pot__part=part).values_list("pk", flat=True)
    }
    for current, earlier in links:
        crosswalk[current].append(earlier)
    return crosswalk


# Counts of actors cannot be added over merged categories (an actor may be in both).
ADDABLE_FIELDS = ("initiatives", "funds_sek")


def merged_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Several earlier categories as one: the titles joined, initiatives and funds summed, the
    counts of actors unknown (None)."""
    if len(rows) == 1:
        return rows[0]
    merged: dict[str, Any] = {f: None for f in CATEGORY_CHANGE_FIELDS}
    merged.update({f: sum(r.get(f) or 0 for r in rows) for f in ADDABLE_FIELDS})
    merged["title"] = " + ".join(r["title"] for r in rows)
    merged["category"] = "+".join(r["category"] for r in rows)
    return merged


def _crosswalk_rows(current, earlier, crosswalk):
    by_id = {row.get("category_id"): row for row in earlier}
    rows = []
    claimed = set()
    for row in current:
        ids = [i for i in crosswalk.get(row.get("category_id"), []) if i in by_id]
        claimed.update(ids)
        previous = merged_row([by_id[i] for i in ids]) if ids else None
        rows.append(
            {
                "key": row["category"],
                "current": row,
                "previous": previous,
                "change": {
                    f: change(row.get(f), previous.get(f)) if previous else None
                    for f in CATEGORY_CHANGE_FIELDS
                },
                "title": row["title"],
                "new_series": not ids,
                "was": previous["title"]
                if previous and previous["title"] != row["title"]
                else None,
            }
        )
    rows.extend(
        {
            "key": row["category"],
            "current": None,
            "previous": row,
            "change": dict.fromkeys(CATEGORY_CHANGE_FIELDS),
            "title": row["title"],
            "new_series": False,
            "was": None,
        }
        for pk, row in by_id.items()
        if pk not in claimed
    )
    return rows


def compare_category_rows(current, earlier, crosswalk=None):
    """One pot's category rows of two years paired: by the crosswalk where given (rows carry
    `new_series` when a category continues none of last year's and `was`, last year's title,
    when it was renamed or merged), else by slug."""
    if crosswalk is not None:
        return _crosswalk_rows(current, earlier, crosswalk)
    rows = compare_rows(current, earlier, "category", CATEGORY_CHANGE_FIELDS)
    for row in rows:
        row["title"] = (row["current"] or row["previous"])["title"]
        row["new_series"] = False
        row["was"] = None
    return rows


def compare_category_tables(result, previous, crosswalk=None):
    """Two `aggregate_part` results side by side: per pot of this year (paired by recipient
    kind), the reporting actors and per category (paired by `compare_category_rows`) this
    year's and the previous year's figures with the change. Categories of only one year have
    the other side None."""
    earlier = {pot["org_kind"]: pot for pot in previous["pots"]}
    pots = []
    for pot in result["pots"]:
        old = earlier.get(pot["org_kind"])
        rows = compare_category_rows(pot["categories"], old["categories"] if old else [], crosswalk)
        pots.append(
            {
                "org_kind": pot["org_kind"],
                "org_kind_label": pot["org_kind_label"],
                "reporting_actors": pot["reporting_actors"],
                "previous_reporting_actors": old["reporting_actors"] if old else None,
                "reporting_actors_change": change(
                    pot["reporting_actors"], old["reporting_actors"] if old else None
                ),
                "rows": rows,
            }
        )
    return {"year": result["year"], "previous_year": previous["year"], "pots": pots}


def compare_indicators(current_rows, previous_rows):
    """{(indicator, scope): pair} of `compute_indicators` rows of two years; the change of
    `value` is the change of the share (0.05 = five percentage points)."""
    rows = compare_rows(
        current_rows,
        previous_rows,
        lambda r: (r["indicator"], r["scope"]),
        ("value", "numerator", "denominator"),
    )
    return {row["key"]: row for row in rows}
