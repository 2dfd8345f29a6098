"""A plan's contents in reading order, for its page and its printed documents."""

from django.utils import timezone

from stimulans.analysis.models import Indicator
from stimulans.lib.labels import draft_label, published_label

from .models import ActivityKind, PlanStatus


def indicator_titles():
    """{code: title} of the indicator catalogue: plans name the indicators they follow by code,
    documents and pages show the title."""
    return dict(Indicator.objects.values_list("code", "title"))


def plan_contents(plan):
    """Areas in reading order (parents before their sub-areas) with their goals and
    activities, for the templates."""
    areas = list(plan.areas.all())
    goals = list(plan.goals.all())
    activities = list(
        plan.activities.prefetch_related("goals", "funds__pot__part__agreement").order_by(
            "kind", "number"
        )
    )
    titles = indicator_titles()
    children = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    out = []

    def add(area, depth):
        acts = [a for a in activities if a.area_id == area.pk]
        acts.sort(key=lambda a: (ActivityKind.order(a.kind), a.number))
        for a in acts:
            a.indicator_titles = [titles.get(code, code) for code in a.indicator_codes]
        out.append(
            {
                "area": area,
                "depth": depth,
                "long_goals": [g for g in goals if g.area_id == area.pk and g.term == "long"],
                "short_goals": [g for g in goals if g.area_id == area.pk and g.term == "short"],
                "activities": acts,
            }
        )
        for child in children.get(area.pk, []):
            add(child, depth + 1)

    for top in children.get(None, []):
        add(top, 0)
    return out


def plan_column(plan):
    return {
        "plan": plan,
        "areas": plan_contents(plan),
        "sections": plan.sections.prefetch_related("attachments"),
        "decisions": plan.decisions.all(),
        "participations": plan.participations.all(),
        "steering_group": plan.steering_group.all(),
    }


def document_title(plan):
    return plan.title or f"{plan.get_scope_display()} – {plan.owner_name} {plan.year}"


def version_label(plan):
    """ "Version 4, publicerad 2021-03-01" for a published plan, else "Utkast" and today."""
    if plan.status == PlanStatus.PUBLISHED:
        return published_label(plan.version, plan.published_at or timezone.localdate())
    return draft_label()
