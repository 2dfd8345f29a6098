"""Plan → report → effect: the activities of a county's published plan that the next report's
initiatives may name as the ones they carry out (the choice in the report form, registered
with `reporting.services.plan_activities`), and the plan page's follow-up of each activity
through the initiatives that carried it out to their effects."""

from typing import Any

from stimulans.reporting.models import Initiative, Report
from stimulans.reporting.services.plan_activities import activity_label

from .models import ActionPlan, Activity, PlanScope


def report_plan(report: Any) -> Any:
    """The plan whose activities the report's initiatives carry out: the newest published
    version of the county's plan for the report's year (or, without one, for the latest year
    before it). None for a report of no county."""
    county_id = report.organisation.county_id
    if county_id is None:
        return None
    return (
        ActionPlan.objects.published()
        .filter(
            scope=PlanScope.COUNTY,
            county_id=county_id,
            year__lte=report.pot.part.agreement.year,
        )
        .order_by("-year", "-version")
        .first()
    )


def activity_choices(report: Any) -> list[tuple[str, str]]:
    """[(activity id, label)]: the activities of `report_plan`, and any activity the report's
    initiatives already name (so that a newer plan version does not drop a choice made)."""
    plan = report_plan(report)
    activities = Activity.objects.none()
    if plan is not None:
        activities = plan.activities.all()
    linked = Activity.objects.none()
    if report.pk is not None:
        linked = Activity.objects.filter(carried_out_by__report=report)
    rows = (
        (activities | linked)
        .distinct()
        .select_related("plan", "area__parent__parent")
        .order_by("-plan__year", "area__order", "area__pk", "kind", "number")
    )
    return [(str(a.pk), activity_label(a)) for a in rows]


def activity_follow_up(user: Any, plan: Any) -> list[dict[str, Any]]:
    """The plan's activities that reported initiatives carry out, each with those initiatives
    (of reports `user` may read, submitted or approved) and their outputs and effects. An
    initiative names an activity of one version; every version of the plan's year shows it."""
    if plan.county_id is None:
        return []
    readable = Report.objects.visible_to(user).counted()
    initiatives = (
        Initiative.objects.filter(
            plan_activity__plan__scope=plan.scope,
            plan_activity__plan__county_id=plan.county_id,
            plan_activity__plan__year=plan.year,
            report__in=readable,
        )
        .select_related(
            "report__organisation",
            "report__pot__part__agreement",
            "category",
            "plan_activity__area__parent",
        )
        .order_by(
            "plan_activity__area__order",
            "plan_activity__kind",
            "plan_activity__number",
            "report__pot__part__agreement__year",
            "report__organisation__name",
            "order",
        )
    )
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for i in initiatives:
        activity = i.plan_activity
        key = (activity.area.path, str(activity))
        entry = rows.setdefault(key, {"area": key[0], "activity": key[1], "initiatives": []})
        entry["initiatives"].append(
            {
                "year": i.report.pot.part.agreement.year,
                "organisation": i.report.organisation.name,
                "title": str(i),
                "category": i.category.title if i.category else "",
                "funds_sek": i.funds_sek,
                "outputs": i.outputs,
                "effects": i.effects,
                "effect_level": i.get_effect_level_display() if i.effect_level else "",
                "effect_measured": i.effect_measured,
            }
        )
    return list(rows.values())
