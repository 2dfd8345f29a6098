"""Agreement per dimension of a part, from the coders' codes (first, second and imported;
adjudicated codes are not a coder's): the figures, the confusion matrix and the
disagreements to adjudicate."""

from .agreement import (
    cohen_kappa,
    confusion_matrix,
    krippendorff_alpha,
    pairable,
    percentage_agreement,
)
from .models import CoderCode, CoderRole, Dimension

DIMENSIONS = list(Dimension.values)


def units_by_dimension(part, suggested=None):
    """{dimension: {initiative id: {coder name: value}}}. `suggested` True: only initiatives
    with a code that was an accepted suggestion; False: only those without one."""
    codes = (
        CoderCode.objects.filter(initiative__report__pot__part=part)
        .exclude(role=CoderRole.ADJUDICATED)
        .select_related("coder", "category")
        .order_by("initiative_id", "pk")
    )
    if suggested is not None:
        with_suggestion = CoderCode.objects.filter(
            initiative__report__pot__part=part, from_suggestion=True
        ).values("initiative")
        if suggested:
            codes = codes.filter(initiative__in=with_suggestion)
        else:
            codes = codes.exclude(initiative__in=with_suggestion)
    result: dict[str, dict[int, dict[str, object]]] = {d: {} for d in DIMENSIONS}
    for code in codes:
        for dimension in DIMENSIONS:
            unit = result[dimension].setdefault(code.initiative_id, {})
            unit[code.coder_name] = code.value(dimension)
    return result


def dimension_agreement(dimension, units):
    """The figures of one dimension over {initiative: {coder: value}}."""
    pairable_units = {pk: u for pk, u in units.items() if pairable([u])}
    coders = sorted({c for u in pairable_units.values() for c in u})
    kappa = confusion = None
    if len(coders) == 2:
        a, b = coders
        pairs = [(u[a], u[b]) for u in pairable_units.values()]
        kappa = cohen_kappa(pairs)
        values, counts = confusion_matrix(pairs)
        confusion = {
            "coders": coders,
            "values": values,
            "rows": [(r, [counts.get((r, c), 0) for c in values]) for r in values],
        }
    disagreements = [
        pk for pk, u in pairable_units.items() if len(set(map(str, pairable([u])[0].values()))) > 1
    ]
    return {
        "dimension": dimension,
        "coders": len(coders),
        "units": len(pairable_units),
        "agreement": percentage_agreement(list(pairable_units.values())),
        "kappa": kappa,
        "alpha": krippendorff_alpha(list(pairable_units.values())),
        "confusion": confusion,
        "disagreements": disagreements,
    }


def part_agreement(part):
    """Per dimension the figures, and the percentage agreement of the initiatives with an
    accepted suggestion among their codes (`suggested`) and of the others (`unsuggested`)."""
    units = units_by_dimension(part)
    suggested = units_by_dimension(part, suggested=True)
    unsuggested = units_by_dimension(part, suggested=False)
    rows = []
    for d in DIMENSIONS:
        row = dimension_agreement(d, units[d])
        row["suggested"] = percentage_agreement([u for u in suggested[d].values() if pairable([u])])
        row["unsuggested"] = percentage_agreement(
            [u for u in unsuggested[d].values() if pairable([u])]
        )
        rows.append(row)
    return rows


def agreement_json(part):
    """The CLI's shape: per dimension {dimension, coders, units, agreement, kappa, alpha}."""
    keys = ["dimension", "coders", "units", "agreement", "kappa", "alpha"]
    return [{k: row[k] for k in keys} for row in part_agreement(part)]
