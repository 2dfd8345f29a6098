"""Results fed back into next year's plan: what the county's organisations reported for the year
before the plan's year (counted initiatives per part, with category, funds, outputs and effects;
the support needs raised; the county's indicators), limited to what the reader may read."""

from collections import defaultdict
from typing import Any

from stimulans.analysis.indicators import compute_indicators
from stimulans.analysis.models import Indicator
from stimulans.analysis.permissions import analysis_scope
from stimulans.funds.models import Agreement
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
