"""What several plan pages share: the permission-checked fetch of a plan and its contents
in reading order for the templates."""

from django.shortcuts import get_object_or_404

from stimulans.accounts.permissions import require

from ..models import (
    ActionPlan,
    ActivityKind,
)
from ..permissions import (
    can_view_plan,
)


def plan_for(request, pk):
    plan = get_object_or_404(ActionPlan.objects.select_related("county", "based_on"), pk=pk)
    require(can_view_plan(request.user, plan))
    return plan


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
    children = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    out = []

    def add(area, depth):
        acts = [a for a in activities if a.area_id == area.pk]
        acts.sort(key=lambda a: (ActivityKind.order(a.kind), a.number))
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
