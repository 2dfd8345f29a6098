"""Drawing a study's sample: reproducible from its seed. The candidates are the organisations
with a counted report in the study's parts (or the counted initiatives of those parts) in its
first year, in a fixed order, so the same seed draws the same units again."""

import random

from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.organisations.models import Organisation
from stimulans.reporting.models import Initiative, Report

from .models import SampledUnit, UnitKind


class SamplingError(ValueError):
    pass


def candidates(study):
    """The organisation or initiative ids the study draws from, in a fixed order."""
    parts = study.parts.all()
    if study.unit_kind == UnitKind.INITIATIVE:
        return list(
            Initiative.objects.counted()
            .filter(
                report__pot__part__in=parts, report__pot__part__agreement__year=study.start_year
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    reports = Report.objects.counted().filter(
        pot__part__in=parts, pot__part__agreement__year=study.start_year
    )
    return list(
        Organisation.objects.filter(reports__in=reports)
        .distinct()
        .order_by("kind", "code")
        .values_list("pk", flat=True)
    )


def draw(ids, size, seed):
    """`size` of `ids`, drawn with `seed` (pure)."""
    return random.Random(seed).sample(ids, size)


@transaction.atomic
def draw_sample(study, size, seed):
    """Replaces the study's drawn units (hand-chosen ones stay) with a new draw; returns the
    drawn units. A unit that already has events is kept even if the new draw leaves it out."""
    pool = candidates(study)
    hand = set(study.units.filter(drawn=False).values_list(f"{study.unit_kind}_id", flat=True))
    pool = [pk for pk in pool if pk not in hand]
    if size < 1 or size > len(pool):
        raise SamplingError(
            _("Urvalet kan vara 1–%(n)s enheter (så många finns att dra bland).") % {"n": len(pool)}
        )
    study.units.filter(drawn=True, events__isnull=True).delete()
    kept = set(study.units.filter(drawn=True).values_list(f"{study.unit_kind}_id", flat=True))
    field = f"{study.unit_kind}_id"
    for pk in draw(pool, size, seed):
        if pk not in kept:
            SampledUnit.objects.create(study=study, drawn=True, **{field: pk})
    study.seed, study.sample_size = seed, size
    study.save(update_fields=["seed", "sample_size"])
    return list(study.units.filter(drawn=True))
