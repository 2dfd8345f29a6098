"""Who may see and do what with action plans. Plain functions, shared by pages, CLI and API.

- Published versions: every logged-in user reads them.
- Drafts of a county plan: the county's coordinators and the officials (reporters) of the
  county's organisations, national administrators and analysts.
- Edit and publish a county plan: the county's coordinator (and national administrators).
- Comment on a draft: the county's officials and national administrators (analysts read).
- The national initiative list is edited by national administrators.
"""

from stimulans.accounts.models import Role

from .models import ActionPlan, PlanScope


def _in_county(user, county_id):
    return user.organisation_id is not None and user.county_id == county_id


def can_view_plan(user, plan):
    """The rule is `ActionPlan.objects.visible_to` (one query)."""
    return ActionPlan.objects.visible_to(user).filter(pk=plan.pk).exists()


def can_manage_scope(user, scope, county_id=None):
    """Create, edit and publish plans of this scope (and county)."""
    if not user.is_authenticated:
        return False
    if user.is_national_admin:
        return True
    if scope == PlanScope.NATIONAL:
        return False
    return user.role == Role.COUNTY_COORDINATOR and _in_county(user, county_id)


def can_edit_plan(user, plan):
    return plan.is_draft and can_manage_scope(user, plan.scope, plan.county_id)


def can_publish_plan(user, plan):
    return can_edit_plan(user, plan)


def can_start_version(user, plan):
    """Start a new draft from this version (same year or next year)."""
    return can_manage_scope(user, plan.scope, plan.county_id)


def can_comment_plan(user, plan):
    """Comment on a draft: the officials of the county (coordinators and reporters) and
    national administrators; analysts only read."""
    if not (plan.is_draft and can_view_plan(user, plan)):
        return False
    return user.is_national_admin or (
        plan.scope == PlanScope.COUNTY and _in_county(user, plan.county_id)
    )


def can_view_national_overview(user):
    return user.is_authenticated and user.reads_everything
