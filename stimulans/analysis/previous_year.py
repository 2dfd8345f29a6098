"""The previous year beside this one: the same part (by slug) in the nearest earlier agreement,
its category tables paired by recipient kind and category slug, and the indicators paired by
indicator and scope, with the change (`comparison`)."""

from stimulans.funds.models import Agreement

from .comparison import change, compare_rows

CATEGORY_CHANGE_FIELDS = (
    "actors_with_activities",
    "actors_with_effects",
    "actors_with_target_group_effects",
    "initiatives",
    "funds_sek",
)


def previous_agreement(agreement):
    """The nearest earlier year's agreement, or None."""
    return Agreement.objects.filter(year__lt=agreement.year).order_by("-year").first()


def previous_part(part):
    """The part with the same slug in the previous agreement, or None."""
    previous = previous_agreement(part.agreement)
    return previous.parts.filter(slug=part.slug).first() if previous else None


def compare_category_tables(result, previous):
    """Two `aggregate_part` results side by side: per pot of this year (paired by recipient
    kind), the reporting actors and per category (paired by slug) this year's and the previous
    year's figures with the change. Categories of only one year have the other side None."""
    earlier = {pot["org_kind"]: pot for pot in previous["pots"]}
    pots = []
    for pot in result["pots"]:
        old = earlier.get(pot["org_kind"])
        rows = compare_rows(
            pot["categories"], old["categories"] if old else [], "category", CATEGORY_CHANGE_FIELDS
        )
        for row in rows:
            row["title"] = (row["current"] or row["previous"])["title"]
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
