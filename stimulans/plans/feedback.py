"""Results fed back into next year's plan: what the county's organisations reported for the year
before the plan's year (counted initiatives per part, with category, funds, outputs and effects;
the support needs raised; the county's indicators), limited to what the reader may read."""

from collections import defaultdict
from typing import Any

from stimulans.analysis.indicators import compute_indicators
from stimulans.analysis.models import Indicator
from stimulans.analysis.permissions import analysis_scope
from stimulans.funds.models import Agreement
from stimulans.lib import numbers
from stimulans.reporting import xlsform
from stimulans.reporting.models import Initiative, Questionnaire, Report

SUPPORT_QUESTION = "support_needed"


def _choice_labels(pot_id: int, name: str) -> dict[str, str]:
    questionnaire = Questionnaire.objects.filter(pot_id=pot_id).first()
    if questionnaire is None:
        return {}
    node = xlsform.fields(questionnaire.definition).get(name)
    return dict(xlsform.choices(node[0])) if node else {}


def reported_year_before(user: Any, plan: Any) -> dict[str, Any] | None:
    """{"year", "parts": [{"title", "initiatives": [...]}], "indicators": [...]} for a county
    plan, or None (a national plan, or no agreement the year before)."""
    if plan.county_id is None:
        return None
    year = plan.year - 1
    agreement = Agreement.objects.filter(year=year).first()
    if agreement is None:
        return None
    readable = Report.objects.visible_to(user).counted()
    initiatives = (
        Initiative.objects.filter(
            report__in=readable,
            report__organisation__county=plan.county,
            report__pot__part__agreement=agreement,
        )
        .select_related("report__organisation", "report__pot__part", "category")
        .order_by("report__pot__part__order", "report__organisation__name", "order")
    )
    parts: dict[str, dict[str, Any]] = {}
    for i in initiatives:
        part = i.report.pot.part
        entry = parts.setdefault(part.slug, {"title": part.title, "initiatives": []})
        entry["initiatives"].append(
            {
                "organisation": i.report.organisation.name,
                "title": str(i),
                "category": i.category.title if i.category else "",
                "funds_sek": i.funds_sek,
                "outputs": i.outputs,
                "effects": i.effects,
            }
        )
    support: dict[str, int] = defaultdict(int)
    labels: dict[int, dict[str, str]] = {}
    for pot_id, answers in readable.filter(
        organisation__county=plan.county, pot__part__agreement=agreement
    ).values_list("pot_id", "answers"):
        if pot_id not in labels:
            labels[pot_id] = _choice_labels(pot_id, SUPPORT_QUESTION)
        for need in (answers or {}).get(SUPPORT_QUESTION) or []:
            support[labels[pot_id].get(str(need), str(need))] += 1
    scope = analysis_scope(user, agreement)
    indicators = []
    if scope is not None and scope.allows(plan.county.code):
        titles = dict(Indicator.objects.values_list("code", "title"))
        indicators = [
            {"title": titles.get(r["indicator"], r["indicator"]), **r}
            for r in compute_indicators(year)
            if r["scope"] == f"region:{plan.county.code}" and r["denominator"]
        ]
    return {
        "year": year,
        "parts": list(parts.values()),
        "support_needs": sorted(support.items()),
        "indicators": indicators,
    }


def continuable_initiatives(plan: Any):
    """The counted initiatives of the plan's county in earlier years, which an activity of the
    plan may name as the ones it continues (none for the national plan)."""
    if plan.county_id is None:
        return Initiative.objects.none()
    return (
        Initiative.objects.counted()
        .filter(
            report__organisation__county_id=plan.county_id,
            report__pot__part__agreement__year__lt=plan.year,
        )
        .select_related("report__organisation", "report__pot__part__agreement")
        .order_by("-report__pot__part__agreement__year", "report__organisation__name", "pk")
    )


def initiative_label(initiative: Any) -> str:
    report = initiative.report
    return f"{report.pot.part.agreement.year} {report.organisation.name}: {initiative}"


def goal_follow_up(user: Any, plan: Any) -> list[dict[str, Any]]:
    """The plan's goals with a target: the county's reported value of the goal's indicator in
    the plan's year beside the target (None where not reported or not readable), and the
    activities with the reported initiatives they continue."""
    goals = [g for g in plan.goals.select_related("area") if g.indicator_code]
    if not goals or plan.county_id is None:
        return []
    agreement = Agreement.objects.filter(year=plan.year).first()
    scope = analysis_scope(user, agreement) if agreement else None
    values: dict[str, Any] = {}
    if scope is not None and scope.allows(plan.county.code):
        codes = {g.indicator_code for g in goals}
        catalogue = Indicator.objects.filter(code__in=codes)
        values = {
            r["indicator"]: r["value"]
            for r in compute_indicators(plan.year, catalogue)
            if r["scope"] == f"region:{plan.county.code}"
        }
    titles = dict(Indicator.objects.values_list("code", "title"))
    rows = []
    for goal in goals:
        value = values.get(goal.indicator_code)
        percent = None if value is None else round(float(value) * 100, 1)
        target = None if goal.target_percent is None else float(goal.target_percent)
        rows.append(
            {
                "goal": goal.text,
                "area": goal.area.title,
                "indicator": titles.get(goal.indicator_code, goal.indicator_code),
                "target_percent": numbers.decimal(target),
                "reported_percent": numbers.decimal(percent),
                "reached": None if percent is None or target is None else percent >= target,
            }
        )
    return rows
