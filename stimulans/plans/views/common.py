"""What several plan pages share: the permission-checked fetch of a plan and its contents
in reading order for the templates."""

from django.shortcuts import get_object_or_404

from stimulans.accounts.permissions import require

from ..contents import plan_column, plan_contents
from ..models import ActionPlan
from ..permissions import (
    can_view_plan,
)

__all__ = ["plan_column", "plan_contents", "plan_for"]


def plan_for(request, pk):
    plan = get_object_or_404(ActionPlan.objects.select_related("county", "based_on"), pk=pk)
    require(can_view_plan(request.user, plan))
    return plan
