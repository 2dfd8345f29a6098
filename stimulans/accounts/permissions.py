"""Who may see and do what. Plain functions, shared by pages, CLI and API."""

from django.core.exceptions import PermissionDenied

from .models import Role


def can_view_organisation(user, organisation):
    """Own organisation, the county coordinator of its county, national administrators,
    analysts: the rule is `Organisation.objects.visible_to` (one query). Reached through the
    organisation's own class, so that accounts does not import organisations (which imports
    accounts)."""
    return type(organisation).objects.visible_to(user).filter(pk=organisation.pk).exists()


def can_act_for_organisation(user, organisation):
    """Requisition funds and edit reports on behalf of the organisation: its own officials."""
    return can_act_for_organisation_id(user, organisation.pk)


def can_act_for_organisation_id(user, organisation_id):
    if not user.is_authenticated:
        return False
    return user.organisation_id == organisation_id and user.role in (
        Role.REPORTER,
        Role.COUNTY_COORDINATOR,
    )


def can_view_county(user, county):
    if not user.is_authenticated:
        return False
    if user.reads_everything:
        return True
    return user.role == Role.COUNTY_COORDINATOR and user.county_id == county.pk


def require(condition):
    if not condition:
        raise PermissionDenied
