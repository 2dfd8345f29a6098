"""The effects that reporters described, per pot and (effective) category, with the
organisation: the lists in the part analysis, the status report and the JSON API."""

from collections import defaultdict

from django.db.models.functions import Length, Trim

from stimulans.reporting.models import EffectLevel, Initiative

from .lookups import county_filter


def effects_by_category(parts, county=None, limit=None):
    """{(pot_id, category_id): [effect rows]} of the effects described, with the organisation.
    Beyond `limit` per key, None stands for an effect counted but not shown."""
    part_ids = [p.pk for p in parts]
    qs = (
        Initiative.objects.counted()
        .filter(county_filter(county), report__pot__part__in=part_ids)
        .with_effective_coding()
        .filter(eff_within=True)
        .annotate(eff_len=Length(Trim("effects")))
        .filter(eff_len__gt=0)
        .order_by("report__organisation__kind", "report__organisation__code", "order", "pk")
    )
    result = defaultdict(list)
    for row in qs.values_list(
        "pk",
        "report__pot_id",
        "report__organisation__short_name",
        "eff_category",
        "eff_level",
        "eff_measured",
        "title",
        "effects",
        named=True,
    ):
        key = (row.report__pot_id, row.eff_category)
        if limit is not None and len(result[key]) >= limit:
            result[key].append(None)  # counted, not shown
            continue
        result[key].append(
            {
                "initiative_id": row.pk,
                "organisation": row.report__organisation__short_name,
                "title": row.title,
                "effects": row.effects.strip(),
                "target_group": row.eff_level == EffectLevel.TARGET_GROUP,
                "measured": row.eff_measured,
            }
        )
    return result
