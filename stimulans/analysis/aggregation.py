"""The category tables of a part: per pot (recipient kind) the reporting actors and, per
category, actors with activities / effects / target-group effects, initiatives and funds; the
comparison of pots, the program-logic flowchart and the public (CLI and JSON) shape.

Counted reports only (`Report.objects.counted()`), initiatives within the agreement only, the
analyst's coding where it exists (`Initiative.objects.with_effective_coding()`: category,
effect level, measurement, phase and within the agreement). A few grouped queries and one pass
over `values_list()` rows."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.db.models.functions import Coalesce, Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext as _

from stimulans.funds.models import Pot
from stimulans.lib.numbers import thousands
from stimulans.organisations.models import Organisation
from stimulans.reporting.models import EffectLevel, Initiative, Phase, Report

from .lookups import county_filter
from .models import LinkQuality

CATEGORY_FIELDS = (
    "actors_with_activities",
    "actors_with_effects",
    "actors_with_target_group_effects",
    "initiatives",
    "funds_sek",
    "actors_planned",
    "actors_implemented",
    "actors_with_outputs",
    "actors_with_measured_effects",
    "link_quality",
)
# The keys of a category row's `link_quality`: the analyst's coded link quality of the
# initiatives and "uncoded" for those without one.
LINK_QUALITY_KEYS = (*LinkQuality.values, "uncoded")


class InitiativeRow(NamedTuple):
    """One counted initiative with its effective coding."""

    pot_id: int
    organisation_id: int
    category_id: int | None
    has_effects: bool
    effect_level: str
    measured: bool
    funds_sek: int
    has_goals: bool
    has_outputs: bool
    phase: str
    link_quality: str


def initiative_rows(initiatives):
    """An InitiativeRow per initiative of the queryset, within the agreement and in counted
    reports only. The database computes every field, so rows become InitiativeRows as read."""
    qs = (initiatives.counted().with_effective_coding().filter(eff_within=True)).annotate(
        has_effects=_has_text("effects"),
        has_goals=_has_text("goals"),
        has_outputs=_has_text("outputs"),
        funds=Coalesce("funds_sek", 0),
        link=Coalesce("coding__link_quality", Value("")),
    )
    rows = qs.values_list(
        "report__pot_id",
        "report__organisation_id",
        "eff_category",
        "has_effects",
        "eff_level",
        "eff_measured",
        "funds",
        "has_goals",
        "has_outputs",
        "eff_phase",
        "link",
    ).iterator(chunk_size=5000)
    return map(InitiativeRow._make, rows)


def _has_text(name):
    """True where the text field holds more than white space."""
    return ExpressionWrapper(GreaterThan(Length(Trim(name)), 0), output_field=BooleanField())


@dataclass
class Tally:
    """The counts of one (pot, category): organisations as sets, initiatives as numbers."""

    activities: set = field(default_factory=set)
    effects: set = field(default_factory=set)
    target: set = field(default_factory=set)
    planned: set = field(default_factory=set)
    implemented: set = field(default_factory=set)
    outputs: set = field(default_factory=set)
    measured_effects: set = field(default_factory=set)
    link_quality: dict = field(default_factory=lambda: dict.fromkeys(LINK_QUALITY_KEYS, 0))
    initiatives: int = 0
    funds_sek: int = 0
    with_goals: int = 0
    with_outputs: int = 0
    with_effects: int = 0
    with_target_group_effects: int = 0
    measured: int = 0

    def add(self, row: InitiativeRow):
        self.activities.add(row.organisation_id)
        self.initiatives += 1
        self.funds_sek += row.funds_sek
        self.with_goals += row.has_goals
        self.with_outputs += row.has_outputs
        if row.has_outputs:
            self.outputs.add(row.organisation_id)
        if row.phase == Phase.PLANNED:
            self.planned.add(row.organisation_id)
        elif row.phase == Phase.IMPLEMENTED:
            self.implemented.add(row.organisation_id)
        self.link_quality[row.link_quality or "uncoded"] += 1
        if row.has_effects:
            self.effects.add(row.organisation_id)
            self.with_effects += 1
            if row.measured:
                self.measured += 1
                self.measured_effects.add(row.organisation_id)
            if row.effect_level == EffectLevel.TARGET_GROUP:
                self.target.add(row.organisation_id)
                self.with_target_group_effects += 1


# Tally's sets of organisations.
ACTOR_SETS = (
    "activities",
    "effects",
    "target",
    "planned",
    "implemented",
    "outputs",
    "measured_effects",
)


def _category_result(category, tally):
    return {
        "category": category.slug,
        "category_id": category.pk,
        "title": category.title,
        "actors_with_activities": len(tally.activities),
        "actors_with_effects": len(tally.effects),
        "actors_with_target_group_effects": len(tally.target),
        "initiatives": tally.initiatives,
        "funds_sek": tally.funds_sek,
        "with_goals": tally.with_goals,
        "with_outputs": tally.with_outputs,
        "with_effects": tally.with_effects,
        "with_target_group_effects": tally.with_target_group_effects,
        "measured": tally.measured,
        "actors_planned": len(tally.planned),
        "actors_implemented": len(tally.implemented),
        "actors_with_outputs": len(tally.outputs),
        "actors_with_measured_effects": len(tally.measured_effects),
        "link_quality": dict(tally.link_quality),
    }


def _pot_result(pot, tallies, reporting, totals):
    categories = []
    known = set()
    everyone = Tally()  # the unique actors over the pot's categories
    for category in pot.categories.all():
        known.add(category.pk)
        tally = tallies.get((pot.pk, category.pk)) or Tally()
        for name in ACTOR_SETS:
            getattr(everyone, name).update(getattr(tally, name))
        for key, n in tally.link_quality.items():
            everyone.link_quality[key] += n
        categories.append(_category_result(category, tally))
    other = Tally()
    for (pot_id, category_id), tally in tallies.items():
        if pot_id == pot.pk and category_id not in known:
            other.initiatives += tally.initiatives
            other.funds_sek += tally.funds_sek
    return {
        "pot_id": pot.pk,
        "org_kind": pot.recipient_kind,
        "org_kind_label": str(pot.get_recipient_kind_display()),
        "reporting_actors": len(reporting.get(pot.pk, ())),
        "total_actors": totals[pot.recipient_kind],
        "categories": categories,
        "actors_with_activities": len(everyone.activities),
        "actors_with_effects": len(everyone.effects),
        "actors_with_target_group_effects": len(everyone.target),
        "actors_planned": len(everyone.planned),
        "actors_implemented": len(everyone.implemented),
        "actors_with_outputs": len(everyone.outputs),
        "actors_with_measured_effects": len(everyone.measured_effects),
        "link_quality": everyone.link_quality,
        "initiatives": sum(c["initiatives"] for c in categories) + other.initiatives,
        "funds_sek": sum(c["funds_sek"] for c in categories) + other.funds_sek,
        "uncategorised_initiatives": other.initiatives,
        "uncategorised_funds_sek": other.funds_sek,
    }


def aggregate_parts(parts, county=None):
    """The category tables of several parts (one query for reports, one for initiatives).
    Returns {part.pk: result} where result has the shape of `aggregate_part`."""
    parts = list(parts)
    part_ids = [p.pk for p in parts]
    pots = list(
        Pot.objects.filter(part__in=part_ids)
        .select_related("part__agreement")
        .prefetch_related("categories")
        .order_by("part__order", "pk")
    )
    org_filter = Q(county__code=county) if county else Q()
    totals = defaultdict(int)
    for kind in Organisation.objects.filter(org_filter).values_list("kind", flat=True):
        totals[kind] += 1

    reporting = defaultdict(set)
    for pot_id, org_id in (
        Report.objects.counted()
        .filter(
            county_filter(county, "organisation__county__code"),
            pot__part__in=part_ids,
        )
        .values_list("pot_id", "organisation_id")
    ):
        reporting[pot_id].add(org_id)

    tallies = defaultdict(Tally)  # (pot_id, category_id) → Tally
    for row in initiative_rows(
        Initiative.objects.filter(county_filter(county), report__pot__part__in=part_ids)
    ):
        tallies[(row.pot_id, row.category_id)].add(row)

    by_part = defaultdict(list)
    for pot in pots:
        by_part[pot.part_id].append(pot)
    return {
        part.pk: {
            "year": part.agreement.year,
            "part": part.slug,
            "title": part.title,
            "aims": part.aims,
            "county": county,
            "pots": [_pot_result(pot, tallies, reporting, totals) for pot in by_part[part.pk]],
        }
        for part in parts
    }


def aggregate_part(part, county=None):
    """Per pot (recipient kind): reporting actors and, per category in the pot's order, actors
    with activities / effects / target-group effects, initiatives and funds."""
    return aggregate_parts([part], county)[part.pk]


def compare_pots(result):
    """Recipient kinds side by side (e.g. regions and municipalities): per category slug, the
    share of each pot's reporting actors with activities, effects and target-group effects."""
    pots = result["pots"]
    slugs = []
    for pot in pots:
        for c in pot["categories"]:
            if c["category"] not in slugs:
                slugs.append(c["category"])
    rows = []
    for slug in slugs:
        cells, title = [], slug
        for pot in pots:
            c = next((c for c in pot["categories"] if c["category"] == slug), None)
            if c is None:
                cells.append(None)
                continue
            title = c["title"]
            n = pot["reporting_actors"]
            cells.append(
                {
                    "activities": c["actors_with_activities"] / n if n else None,
                    "effects": c["actors_with_effects"] / n if n else None,
                    "target_group": c["actors_with_target_group_effects"] / n if n else None,
                }
            )
        rows.append({"category": slug, "title": title, "cells": cells})
    return {"kinds": [p["org_kind_label"] for p in pots], "rows": rows}


def aggregate_json(result):
    """The public shape of an aggregation (CLI and JSON API)."""
    return {
        "year": result["year"],
        "part": result["part"],
        "pots": [
            {
                "org_kind": pot["org_kind"],
                "reporting_actors": pot["reporting_actors"],
                "categories": [
                    {"category": c["category"], **{f: c[f] for f in CATEGORY_FIELDS}}
                    for c in pot["categories"]
                ],
            }
            for pot in result["pots"]
        ],
    }


def flowchart(result):
    """The program-logic chain of a part as columns of (heading, lines)."""
    pots = result["pots"]
    funds = sum(p["funds_sek"] for p in pots)
    initiatives = sum(p["initiatives"] for p in pots)
    goals = sum(c["with_goals"] for p in pots for c in p["categories"])
    outputs = sum(c["with_outputs"] for p in pots for c in p["categories"])
    effects = sum(c["with_effects"] for p in pots for c in p["categories"])
    target = sum(c["with_target_group_effects"] for p in pots for c in p["categories"])
    measured = sum(c["measured"] for p in pots for c in p["categories"])
    per_title = defaultdict(int)
    for p in pots:
        for c in p["categories"]:
            per_title[c["title"]] += c["initiatives"]
    top = sorted(
        ({"title": t, "initiatives": n} for t, n in per_title.items() if n),
        key=lambda c: -c["initiatives"],
    )[:4]
    return [
        (
            _("Resurser"),
            [
                _("%(sek)s kr") % {"sek": thousands(funds)},
                _("till %(n)d insatser") % {"n": initiatives},
            ],
        ),
        (_("Aktiviteter"), [f"{c['title']} ({c['initiatives']})" for c in top] or ["–"]),
        (
            _("Mål"),
            [_("%(n)d av %(total)d insatser anger mål") % {"n": goals, "total": initiatives}],
        ),
        (
            _("Prestationer"),
            [_("%(n)d av %(total)d anger prestationer") % {"n": outputs, "total": initiatives}],
        ),
        (
            _("Effekter"),
            [
                _("%(n)d beskriver effekter") % {"n": effects},
                _("%(n)d för målgruppen") % {"n": target},
                _("%(n)d mätta") % {"n": measured},
            ],
        ),
        (_("Inriktning"), [result["aims"] or result["title"]]),
    ]
