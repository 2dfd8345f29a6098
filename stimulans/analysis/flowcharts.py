"""The flowcharts of a part, one per category as in the status report's annexes: the category's
activities, goals, outputs and effects grouped into similar texts (`grouping`, with the analysts'
merged and renamed groups), how many actors reported each, the links between the boxes that one
initiative joins, by the analyst's coded link quality, and the part's aims.

Counted reports only, initiatives within the agreement, the effective category and effect level
(`Initiative.objects.with_effective_coding()`); one query for the initiatives, one for the
overrides."""

from collections import Counter, defaultdict

from django.db.models import Q

from stimulans.funds.models import Category, Pot
from stimulans.reporting.models import EffectLevel, Initiative

from .grouping import Grouping, Override, TextItem, group_texts
from .lookups import county_filter
from .models import TextGroupOverride, TextKind
from .plain import plain

KINDS = tuple(TextKind.values)
QUALITIES = ("target_group", "organisation", "insufficient", "uncoded")
AIMS = "aims"


def category_initiatives(part, county, category_ids):
    """The part's counted initiatives within the agreement as coded (of the given effective
    categories) as named rows: id, organisation, effective category and level, link quality,
    the texts."""
    qs = (
        Initiative.objects.counted()
        .filter(county_filter(county), report__pot__part=part)
        .with_effective_coding()
        .filter(eff_within=True)
    )
    if category_ids is not None:
        qs = qs.filter(eff_category__in=category_ids)
    return qs.order_by("pk").values_list(
        "pk",
        "report__organisation_id",
        "eff_category",
        "eff_level",
        "coding__link_quality",
        *KINDS,
        named=True,
    )


def overrides_by_key(category_ids):
    """{(category_id, kind): [Override]} of the analysts' groups."""
    result = defaultdict(list)
    for row in TextGroupOverride.objects.filter(category__in=category_ids):
        result[(row.category_id, row.kind)].append(Override(row.pk, frozenset(row.keys), row.label))
    return result


def group_category(rows, kind, overrides=()):
    """The Grouping of one kind of text over a category's initiative rows."""
    items = (
        TextItem(
            getattr(row, kind),
            row.report__organisation_id,
            row.pk,
            row.eff_level == EffectLevel.TARGET_GROUP,
        )
        for row in rows
    )
    return group_texts(items, overrides)


def _quality(row):
    return row.coding__link_quality or "uncoded"


def _dominant(counts):
    return max(QUALITIES, key=lambda q: (counts[q], -QUALITIES.index(q)))


def category_flowchart(category, rows, overrides, aims, kinds=KINDS):
    """The flowchart of one category from its initiative rows (see the module's description);
    the texts of `kinds` only are grouped (the other columns and the links are left empty)."""
    groupings = {
        kind: group_category(rows, kind, overrides.get((category.pk, kind), ())) for kind in kinds
    }
    if len(groupings) < len(KINDS):
        groupings = {kind: groupings.get(kind, Grouping([])) for kind in KINDS}
    links = defaultdict(Counter)  # (from box, to box) → initiatives per link quality
    for row in rows if len(kinds) == len(KINDS) else ():
        boxes = []
        for kind in KINDS:
            ids = sorted(groupings[kind].groups_of(getattr(row, kind)))
            if ids:
                boxes.append([f"{kind}:{n + 1}" for n in ids])
        if boxes and boxes[-1][0].startswith(TextKind.EFFECTS) and aims:
            boxes.append([AIMS])
        for left, right in zip(boxes, boxes[1:], strict=False):
            for a in left:
                for b in right:
                    links[(a, b)][_quality(row)] += 1
    quality = Counter(_quality(row) for row in rows)
    return {
        "category_id": category.pk,
        "category": category.slug,
        "title": category.title,
        "actors": len({row.report__organisation_id for row in rows}),
        "initiatives": len(rows),
        "link_quality": {q: quality[q] for q in QUALITIES},
        "columns": [
            {
                "kind": kind,
                "title": str(TextKind(kind).label),
                "groups": [
                    {
                        "id": f"{kind}:{n + 1}",
                        "label": g.label,
                        "actors": g.actors,
                        "initiatives": g.initiatives,
                        "target_group_actors": g.flagged_actors,
                        "keys": list(g.keys),
                        "variants": list(g.variants),
                        "override_id": g.override_id,
                    }
                    for n, g in enumerate(groupings[kind].groups)
                ],
            }
            for kind in KINDS
        ],
        "links": [
            {
                "from": a,
                "to": b,
                "initiatives": sum(counts.values()),
                "quality": _dominant(counts),
                "qualities": {q: counts[q] for q in QUALITIES},
            }
            for (a, b), counts in sorted(links.items())
        ],
        "aims": aims,
    }


def flowcharts(part, county=None, category=None, kinds=KINDS):
    """Per pot (recipient kind) of the part, a flowchart per category in the pot's order (or only
    `category`'s). `county`: a code, a list of codes or None (the whole country). With fewer
    `kinds`, only those texts are grouped and no links are drawn (the counts are all there)."""
    pots = list(Pot.objects.filter(part=part).order_by("pk"))
    categories = list(
        Category.objects.filter(Q(pk=category.pk) if category else Q(pot__in=pots)).order_by(
            "pot_id", "order", "pk"
        )
    )
    ids = [c.pk for c in categories]
    rows = defaultdict(list)
    for row in category_initiatives(part, county, ids):
        rows[row.eff_category].append(row)
    overrides = overrides_by_key(ids)
    by_pot = defaultdict(list)
    for c in categories:
        by_pot[c.pot_id].append(category_flowchart(c, rows[c.pk], overrides, part.aims, kinds))
    return {
        "year": part.agreement.year,
        "part": part.slug,
        "title": part.title,
        "aims": part.aims,
        "pots": [
            {
                "pot_id": pot.pk,
                "org_kind": pot.recipient_kind,
                "org_kind_label": str(pot.get_recipient_kind_display()),
                "categories": by_pot[pot.pk],
            }
            for pot in pots
            if by_pot[pot.pk]
        ],
    }


def flowcharts_json(part, county=None, data=None):
    """The part's flowcharts for the whole country (or a county) in a JSON-serialisable shape
    (the publication's snapshot, `/analys/api/…/floden/`, the documents): no keys, no override
    ids, no translated headings. `data`: the part's `flowcharts` if already computed."""
    data = data if data is not None else flowcharts(part, county)
    return {
        "year": data["year"],
        "part": data["part"],
        "aims": data["aims"],
        "pots": [
            {
                "org_kind": pot["org_kind"],
                "categories": [
                    {
                        "category": c["category"],
                        "actors": c["actors"],
                        "initiatives": c["initiatives"],
                        "link_quality": c["link_quality"],
                        "columns": [
                            {
                                "kind": col["kind"],
                                "groups": [
                                    {
                                        k: g[k]
                                        for k in (
                                            "id",
                                            "label",
                                            "actors",
                                            "initiatives",
                                            "target_group_actors",
                                        )
                                    }
                                    for g in col["groups"]
                                ],
                            }
                            for col in c["columns"]
                        ],
                        "links": c["links"],
                    }
                    for c in pot["categories"]
                ],
            }
            for pot in data["pots"]
        ],
    }


def grouped_effects(data):
    """{(pot_id, category_id): [effect groups]} from `flowcharts` data, for the effects tables."""
    return {
        (pot["pot_id"], c["category_id"]): c["columns"][KINDS.index(TextKind.EFFECTS)]["groups"]
        for pot in data["pots"]
        for c in pot["categories"]
    }


def grouped_effects_tables(aggregate, part, county=None, data=None):
    """Per pot of the part's category tables (`aggregate`), the categories with their grouped
    effects: the report's effects tables, as plain data. `data`: the part's `flowcharts` (of the
    same county) if already computed."""
    if data is None:
        data = flowcharts(part, county, kinds=[TextKind.EFFECTS])
    groups = grouped_effects(data)
    return plain(
        [
            {
                "org_kind_label": pot["org_kind_label"],
                "categories": [
                    {"title": c["title"], "groups": groups[(pot["pot_id"], c["category_id"])]}
                    for c in pot["categories"]
                    if groups.get((pot["pot_id"], c["category_id"]))
                ],
            }
            for pot in aggregate["pots"]
        ]
    )
