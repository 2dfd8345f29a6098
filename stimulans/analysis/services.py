"""Aggregation, indicators, coverage and quality flags: plain functions over reported data,
shared by the pages, the CLI, the JSON API and the status report. No HTTP here.

Only submitted and approved reports count; initiatives paid by other money than the agreement's
are left out of every figure; an analyst's coding replaces the reporter's where it exists.
Everything is computed with a few grouped queries and one pass over `values_list()` rows.
"""

from collections import defaultdict
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.db.models.functions import Length, Trim
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement, AgreementPart, Pot
from stimulans.funds.services import AGREEMENT_2020
from stimulans.organisations.models import County, Organisation, OrganisationKind
from stimulans.reporting.models import EffectLevel, Initiative, MeasureValue, Report, ReportStatus

from .models import Indicator, StatusReport

REPORTED = (ReportStatus.SUBMITTED, ReportStatus.APPROVED)

CATEGORY_FIELDS = (
    "actors_with_activities",
    "actors_with_effects",
    "actors_with_target_group_effects",
    "initiatives",
    "funds_sek",
)


class AnalysisError(ValueError):
    pass


# --- Reference data --------------------------------------------------------------------------

INDICATOR_TEXTS = {
    "bup.first_assessment.share_within_30_days": (
        "Andel barn som fått en första bedömning inom BUP inom 30 dagar",
        "Regionernas redovisning av tillgänglighet i barn- och ungdomspsykiatrin",
    ),
    "bup.extended_assessment.share_within_30_days": (
        "Andel barn som fått en fördjupad utredning inom BUP inom 30 dagar",
        "Regionernas redovisning av tillgänglighet i barn- och ungdomspsykiatrin",
    ),
    "bup.treatment.share_within_30_days": (
        "Andel barn som påbörjat behandling inom BUP inom 30 dagar",
        "Regionernas redovisning av tillgänglighet i barn- och ungdomspsykiatrin",
    ),
    "first_line.share_within_3_days": (
        "Andel barn och unga som fått kontakt med första linjen inom tre dagar",
        "Regionernas redovisning av tillgänglighet i första linjen",
    ),
}


@transaction.atomic
def load_indicators(path: Path = AGREEMENT_2020):
    """Load the indicator catalogue from the agreement file's `indicators` section."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    items = data.get("indicators") or []
    for order, item in enumerate(items):
        title, source = INDICATOR_TEXTS.get(item["code"], (item["code"], ""))
        Indicator.objects.update_or_create(
            code=item["code"],
            defaults={
                "title": item.get("title", title),
                "numerator": item["numerator"],
                "denominator": item["denominator"],
                "unit": item.get("unit", "%"),
                "source": item.get("source", source),
                "description": item.get(
                    "description",
                    _(
                        "Summan av %(num)s delad med summan av %(den)s, över de organisationer som "
                        "redovisat båda."
                    )
                    % {"num": item["numerator"], "den": item["denominator"]},
                ),
                "order": order,
            },
        )
    return len(items)


# --- Look-ups --------------------------------------------------------------------------------


def get_agreement(year):
    try:
        return Agreement.objects.get(year=int(year))
    except (Agreement.DoesNotExist, ValueError, TypeError) as exc:
        raise AnalysisError(
            _("Det finns ingen överenskommelse för år %(year)s.") % {"year": year}
        ) from exc


def get_part(year, slug):
    agreement = get_agreement(year)
    try:
        return agreement.parts.get(slug=slug)
    except AgreementPart.DoesNotExist as exc:
        raise AnalysisError(
            _("Överenskommelsen %(year)s har ingen del ”%(part)s”.") % {"year": year, "part": slug}
        ) from exc


def is_published(agreement):
    return StatusReport.objects.filter(agreement=agreement, published=True).exists()


def _county_filter(county, prefix="report__organisation__county__code"):
    """One county's code, a list of codes (several counties), or None (the whole country)."""
    if county is None or county == "":
        return Q()
    if isinstance(county, str):
        return Q(**{prefix: county})
    return Q(**{f"{prefix}__in": list(county)})


# --- Aggregation -----------------------------------------------------------------------------


def _new_counter():
    return {
        "activities": set(),
        "effects": set(),
        "target": set(),
        "initiatives": 0,
        "funds_sek": 0,
        "with_goals": 0,
        "with_outputs": 0,
        "with_effects": 0,
        "with_target_group_effects": 0,
        "measured": 0,
    }


def initiative_rows(initiatives):
    """(pot, organisation, effective category, has effects, effective effect level, measured,
    funds, has goals, has outputs) per initiative of the queryset, within the agreement only."""
    qs = initiatives.filter(within_agreement=True, report__status__in=REPORTED).annotate(
        eff_len=Length(Trim("effects")),
        goals_len=Length(Trim("goals")),
        outputs_len=Length(Trim("outputs")),
    )
    for (
        pot_id,
        org_id,
        category_id,
        coding_id,
        coding_category_id,
        coding_level,
        coding_measured,
        level,
        measured,
        funds,
        eff_len,
        goals_len,
        outputs_len,
    ) in qs.values_list(
        "report__pot_id",
        "report__organisation_id",
        "category_id",
        "coding__id",
        "coding__category_id",
        "coding__effect_level",
        "coding__effect_measured",
        "effect_level",
        "effect_measured",
        "funds_sek",
        "eff_len",
        "goals_len",
        "outputs_len",
    ).iterator(chunk_size=5000):
        if coding_id is not None:
            category_id, level, measured = coding_category_id, coding_level, coding_measured
        yield (
            pot_id,
            org_id,
            category_id,
            bool(eff_len),
            level,
            measured,
            funds or 0,
            bool(goals_len),
            bool(outputs_len),
        )


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
    for pot_id, org_id in Report.objects.filter(
        _county_filter(county, "organisation__county__code"),
        pot__part__in=part_ids,
        status__in=REPORTED,
    ).values_list("pot_id", "organisation_id"):
        reporting[pot_id].add(org_id)

    counters = defaultdict(_new_counter)  # (pot_id, category_id) → counter
    rows = initiative_rows(
        Initiative.objects.filter(_county_filter(county), report__pot__part__in=part_ids)
    )
    for pot_id, org_id, cat, has_eff, level, measured, funds, goals, outputs in rows:
        c = counters[(pot_id, cat)]
        c["activities"].add(org_id)
        c["initiatives"] += 1
        c["funds_sek"] += funds
        c["with_goals"] += goals
        c["with_outputs"] += outputs
        if has_eff:
            c["effects"].add(org_id)
            c["with_effects"] += 1
            if measured:
                c["measured"] += 1
            if level == EffectLevel.TARGET_GROUP:
                c["target"].add(org_id)
                c["with_target_group_effects"] += 1

    results = {}
    by_part = defaultdict(list)
    for pot in pots:
        by_part[pot.part_id].append(pot)
    for part in parts:
        pot_results = []
        for pot in by_part[part.pk]:
            categories = []
            known = set()
            all_activities, all_effects, all_target = set(), set(), set()
            for category in pot.categories.all():
                known.add(category.pk)
                c = counters.get((pot.pk, category.pk)) or _new_counter()
                all_activities |= c["activities"]
                all_effects |= c["effects"]
                all_target |= c["target"]
                categories.append(
                    {
                        "category": category.slug,
                        "category_id": category.pk,
                        "title": category.title,
                        "actors_with_activities": len(c["activities"]),
                        "actors_with_effects": len(c["effects"]),
                        "actors_with_target_group_effects": len(c["target"]),
                        "initiatives": c["initiatives"],
                        "funds_sek": c["funds_sek"],
                        "with_goals": c["with_goals"],
                        "with_outputs": c["with_outputs"],
                        "with_effects": c["with_effects"],
                        "with_target_group_effects": c["with_target_group_effects"],
                        "measured": c["measured"],
                    }
                )
            other = _new_counter()
            for (pot_id, cat), c in counters.items():
                if pot_id == pot.pk and cat not in known:
                    other["initiatives"] += c["initiatives"]
                    other["funds_sek"] += c["funds_sek"]
            pot_results.append(
                {
                    "pot_id": pot.pk,
                    "org_kind": pot.recipient_kind,
                    "org_kind_label": str(pot.get_recipient_kind_display()),
                    "reporting_actors": len(reporting.get(pot.pk, ())),
                    "total_actors": totals[pot.recipient_kind],
                    "categories": categories,
                    "actors_with_activities": len(all_activities),
                    "actors_with_effects": len(all_effects),
                    "actors_with_target_group_effects": len(all_target),
                    "initiatives": sum(c["initiatives"] for c in categories) + other["initiatives"],
                    "funds_sek": sum(c["funds_sek"] for c in categories) + other["funds_sek"],
                    "uncategorised_initiatives": other["initiatives"],
                    "uncategorised_funds_sek": other["funds_sek"],
                }
            )
        results[part.pk] = {
            "year": part.agreement.year,
            "part": part.slug,
            "title": part.title,
            "aims": part.aims,
            "county": county,
            "pots": pot_results,
        }
    return results


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


def effects_by_category(parts, county=None, limit=None):
    """{(pot_id, category_id): [effect rows]} of the effects described, with the organisation."""
    part_ids = [p.pk for p in parts]
    qs = (
        Initiative.objects.filter(
            _county_filter(county),
            report__pot__part__in=part_ids,
            report__status__in=REPORTED,
            within_agreement=True,
        )
        .annotate(eff_len=Length(Trim("effects")))
        .filter(eff_len__gt=0)
        .order_by("report__organisation__kind", "report__organisation__code", "order", "pk")
    )
    result = defaultdict(list)
    for row in qs.values(
        "pk",
        "report__pot_id",
        "report__organisation__short_name",
        "category_id",
        "coding__id",
        "coding__category_id",
        "coding__effect_level",
        "coding__effect_measured",
        "effect_level",
        "effect_measured",
        "title",
        "effects",
    ):
        coded = row["coding__id"] is not None
        category = row["coding__category_id"] if coded else row["category_id"]
        key = (row["report__pot_id"], category)
        if limit is not None and len(result[key]) >= limit:
            result[key].append(None)  # counted, not shown
            continue
        result[key].append(
            {
                "initiative_id": row["pk"],
                "organisation": row["report__organisation__short_name"],
                "title": row["title"],
                "effects": row["effects"].strip(),
                "target_group": (row["coding__effect_level"] if coded else row["effect_level"])
                == EffectLevel.TARGET_GROUP,
                "measured": row["coding__effect_measured"] if coded else row["effect_measured"],
            }
        )
    return result


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
    fmt = lambda n: f"{n:,}".replace(",", "\u00a0")  # noqa: E731
    return [
        (
            _("Resurser"),
            [_("%(sek)s kr") % {"sek": fmt(funds)}, _("till %(n)d insatser") % {"n": initiatives}],
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


# --- Indicators ------------------------------------------------------------------------------


def _indicator_sums(years, indicators):
    """{year: {org_id: {code: value}}} and {org_id: county code}, one query."""
    codes = {i.numerator for i in indicators} | {i.denominator for i in indicators}
    values = defaultdict(lambda: defaultdict(dict))
    county_of = {}
    for year, org_id, county, code, value in MeasureValue.objects.filter(
        report__pot__part__agreement__year__in=years,
        report__status__in=REPORTED,
        code__in=codes,
    ).values_list(
        "report__pot__part__agreement__year",
        "report__organisation_id",
        "report__organisation__county__code",
        "code",
        "value",
    ):
        org = values[year][org_id]
        org[code] = org.get(code, 0) + value
        county_of[org_id] = county
    return values, county_of


def _value(n, d):
    if d is None or d == 0 or n is None:
        return None
    return n / d


def compute_indicators(year, indicators=None, years=None):
    """Rows {indicator, scope, numerator, denominator, value}: national and per county, from summed
    numerators and denominators of the organisations that reported both. With `years`, a list of
    rows per year (with a `year` key) for all of them."""
    indicators = list(indicators if indicators is not None else Indicator.objects.all())
    year_list = list(years) if years is not None else [year]
    values, county_of = _indicator_sums(year_list, indicators)
    counties = list(County.objects.values_list("code", flat=True))
    rows = []
    for y in year_list:
        for ind in indicators:
            national = [None, None]
            per_county = {}
            for org_id, org in values[y].items():
                if ind.numerator not in org or ind.denominator not in org:
                    continue
                for acc in (national, per_county.setdefault(county_of[org_id], [None, None])):
                    acc[0] = (acc[0] or 0) + org[ind.numerator]
                    acc[1] = (acc[1] or 0) + org[ind.denominator]
            scopes = [("national", national)] + [
                (f"region:{code}", per_county.get(code, [None, None])) for code in counties
            ]
            for scope, (n, d) in scopes:
                row = {
                    "indicator": ind.code,
                    "scope": scope,
                    "numerator": n,
                    "denominator": d,
                    "value": _value(n, d),
                }
                if years is not None:
                    row["year"] = y
                rows.append(row)
    return rows


def indicator_trend(indicator, scope="national"):
    years = list(Agreement.objects.order_by("year").values_list("year", flat=True))
    rows = compute_indicators(None, [indicator], years=years)
    return [(r["year"], r["value"]) for r in rows if r["scope"] == scope]


# --- Coverage --------------------------------------------------------------------------------


def coverage(agreement, county=None):
    """Who reported: per recipient kind and per county, organisations with at least one submitted
    or approved report this year, against all organisations of that kind."""
    org_filter = Q(county__code=county) if county else Q()
    orgs = list(Organisation.objects.filter(org_filter).values_list("pk", "kind", "county__code"))
    reported = set(
        Report.objects.filter(
            _county_filter(county, "organisation__county__code"),
            pot__part__agreement=agreement,
            status__in=REPORTED,
        ).values_list("organisation_id", flat=True)
    )
    kinds = [k for k, _label in OrganisationKind.choices]
    national = {k: {"reported": 0, "total": 0} for k in kinds}
    per_county = defaultdict(lambda: {k: {"reported": 0, "total": 0} for k in kinds})
    for pk, kind, code in orgs:
        for acc in (national[kind], per_county[code][kind]):
            acc["total"] += 1
            acc["reported"] += pk in reported
    names = dict(County.objects.values_list("code", "name"))
    return {
        "national": [
            {"org_kind": k, "label": str(OrganisationKind(k).label), **national[k]} for k in kinds
        ],
        "counties": [
            {
                "county_code": code,
                "name": names.get(code, code),
                **{k: per_county[code][k] for k in kinds},
            }
            for code in sorted(per_county)
        ],
    }


# --- Quality flags ---------------------------------------------------------------------------

FLAGS = {
    "funds_without_activities": _("Medel utan aktiviteter"),
    "activities_without_goal": _("Aktiviteter utan mål"),
    "effects_not_measured": _("Effekter utan mätning"),
    "other_money": _("Insats betald med andra medel"),
    "reused_text": _("Samma text som förra året"),
}


def flag_label(code):
    return str(FLAGS[code])


def _text_key(*parts):
    """The texts of an initiative as written (trimmed); None when all are empty."""
    key = tuple(p.strip() for p in parts)
    return key if any(key) else None


def quality_flags(agreement, part=None, report=None, county=None):
    """Quality flags per report and initiative: funds with no activities, activities with no goal,
    effects claimed without measurement, initiatives paid by other money, text reused unchanged
    from last year's report for the same part."""
    reports = Report.objects.filter(pot__part__agreement=agreement, status__in=REPORTED)
    if part is not None:
        reports = reports.filter(pot__part=part)
    if report is not None:
        reports = reports.filter(pk=report.pk)
    reports = reports.filter(_county_filter(county, "organisation__county__code"))
    report_rows, county_of = {}, {}
    for r in reports.values_list(
        "pk",
        "organisation_id",
        "organisation__short_name",
        "pot__part__slug",
        "funds_used_sek",
        "organisation__county__code",
    ):
        report_rows[r[0]], county_of[r[0]] = r[:5], r[5]
    initiatives = list(
        Initiative.objects.filter(report__in=report_rows.keys()).values_list(
            "pk",
            "report_id",
            "title",
            "identifier",
            "activities",
            "goals",
            "outputs",
            "effects",
            "funds_sek",
            "within_agreement",
            "effect_measured",
            "coding__id",
            "coding__effect_measured",
        )
    )
    previous = set()
    orgs = {r[1] for r in report_rows.values()}
    if orgs:
        for org_id, slug, a, g, o, e in Initiative.objects.filter(
            report__pot__part__agreement__year=agreement.year - 1,
            report__organisation__in=orgs,
        ).values_list(
            "report__organisation_id",
            "report__pot__part__slug",
            "activities",
            "goals",
            "outputs",
            "effects",
        ):
            text = _text_key(a, g, o, e)
            if text:
                previous.add((org_id, slug, text))

    flags = []

    def add(code, report_id, initiative=None):
        _pk, org_id, org_name, slug, _funds = report_rows[report_id]
        flags.append(
            {
                "flag": code,
                "label": flag_label(code),
                "report_id": report_id,
                "organisation": org_name,
                "county": county_of[report_id],
                "part": slug,
                "initiative_id": initiative[0] if initiative else None,
                "initiative": (initiative[2] or initiative[3]) if initiative else "",
            }
        )

    with_activities = set()
    for row in initiatives:
        pk, report_id, title, ident, act, goals, outputs, effects, funds, within, measured = row[
            :11
        ]
        coded, coded_measured = row[11] is not None, row[12]
        _pk, org_id, _name, slug, _funds = report_rows[report_id]
        if not within:
            add("other_money", report_id, row)
            continue
        has_act = bool(act.strip())
        if has_act:
            with_activities.add(report_id)
        if (funds or 0) > 0 and not has_act:
            add("funds_without_activities", report_id, row)
        if has_act and not goals.strip():
            add("activities_without_goal", report_id, row)
        if effects.strip() and not (coded_measured if coded else measured):
            add("effects_not_measured", report_id, row)
        text = _text_key(act, goals, outputs, effects)
        if text and (org_id, slug, text) in previous:
            add("reused_text", report_id, row)
    for report_id, (_pk, _org, _name, _slug, funds_used) in report_rows.items():
        if (funds_used or 0) > 0 and report_id not in with_activities:
            add("funds_without_activities", report_id)
    flags.sort(key=lambda f: (f["part"], f["organisation"], f["flag"]))
    return flags


def flag_summary(flags):
    """[{flag, label, count, reports}] in the order of FLAGS."""
    counts = defaultdict(int)
    reports = defaultdict(set)
    for f in flags:
        counts[f["flag"]] += 1
        reports[f["flag"]].add(f["report_id"])
    return [
        {"flag": code, "label": str(label), "count": counts[code], "reports": len(reports[code])}
        for code, label in FLAGS.items()
    ]


# --- The whole year --------------------------------------------------------------------------


def analyse_year(agreement, county=None, effects_limit=None, visible=None):
    """Everything the status report shows for one year (or one county's fact sheet).

    `visible` (county codes, default all) limits what concerns single counties: the coverage
    and indicator rows per county and the lists that name organisations (effects, flags); the
    national totals are always the whole country's (see analysis.permissions)."""
    parts = list(agreement.parts.all())
    aggregates = aggregate_parts(parts, county)
    detail = county if county or visible is None else sorted(visible)
    effects = effects_by_category(parts, detail, limit=effects_limit)
    flags = quality_flags(agreement, county=county)
    indicators = list(Indicator.objects.all())
    rows = [
        r
        for r in compute_indicators(agreement.year, indicators)
        if visible is None or r["scope"] == "national" or r["scope"][7:] in visible
    ]
    scope = f"region:{county}" if county else "national"
    by_part = defaultdict(list)
    for f in flags:
        by_part[f["part"]].append(f)
    covered = coverage(agreement, county)
    if visible is not None:
        covered["counties"] = [c for c in covered["counties"] if c["county_code"] in visible]
    return {
        "agreement": agreement,
        "county": county,
        "coverage": covered,
        "parts": [
            {
                "part": part,
                "aggregate": aggregates[part.pk],
                "flowchart": flowchart(aggregates[part.pk]),
                "effects": effects,
                "flags": flag_summary(by_part[part.slug]),
            }
            for part in parts
        ],
        "indicators": [
            {
                "indicator": ind,
                "row": next(r for r in rows if r["indicator"] == ind.code and r["scope"] == scope),
                "regions": [
                    r for r in rows if r["indicator"] == ind.code and r["scope"] != "national"
                ],
            }
            for ind in indicators
        ],
        "indicator_rows": rows,
        "flags": flag_summary(flags),
        "flag_list": flags
        if county or visible is None
        else [f for f in flags if f["county"] in visible],
    }


def effective_annotations():
    """Annotations with the analyst's coding where it exists, else the reporter's answers."""
    coded = Q(coding__isnull=False)
    return {
        "eff_category": Case(When(coded, then=F("coding__category")), default=F("category")),
        "eff_level": Case(When(coded, then=F("coding__effect_level")), default=F("effect_level")),
        "eff_measured": Case(
            When(coded, then=F("coding__effect_measured")),
            default=F("effect_measured"),
            output_field=BooleanField(),
        ),
        "is_coded": Case(When(coded, then=Value(True)), default=Value(False)),
    }
