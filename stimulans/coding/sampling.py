"""The sample for a second coder: a share or a number of a part's counted initiatives,
stratified by recipient kind (each kind contributes in proportion, at least one where it has
initiatives), drawn with a seeded generator over the initiatives in a fixed order, so the same
seed over the same initiatives gives the same sample."""

import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from stimulans.reporting.models import Initiative

from .models import DoubleCodingSample


def strata(part):
    """{recipient kind: [initiative ids in a fixed order]}."""
    groups: dict[str, list[int]] = {}
    rows = (
        Initiative.objects.counted()
        .filter(report__pot__part=part)
        .order_by("report__pot__recipient_kind", "pk")
        .values_list("report__pot__recipient_kind", "pk")
    )
    for kind, pk in rows:
        groups.setdefault(kind, []).append(pk)
    return groups


def draw(part, seed, share=None, number=None):
    """The ids drawn, sorted. `share` a Decimal in (0, 1], or `number` of the whole part."""
    groups = strata(part)
    total = sum(len(ids) for ids in groups.values())
    if not total:
        return []
    if share is not None:
        wanted = Decimal(share)
    else:
        wanted = Decimal(min(number or 0, total)) / Decimal(total)
    rng = random.Random(seed)
    chosen = []
    for kind in sorted(groups):
        ids = groups[kind]
        size = int((wanted * len(ids)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        size = min(len(ids), max(size, 1 if wanted > 0 else 0))
        chosen.extend(rng.sample(ids, size))
    return sorted(chosen)


@transaction.atomic
def draw_sample(part, seed, second_coder, drawn_by=None, share=None, number=None):
    sample = DoubleCodingSample.objects.create(
        part=part,
        seed=seed,
        share=share,
        number=number,
        second_coder=second_coder,
        drawn_by=drawn_by,
    )
    sample.initiatives.set(draw(part, seed, share=share, number=number))
    return sample
