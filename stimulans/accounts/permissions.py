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


def can_lead_coding(user):
    """Draw the samples for double coding and adjudicate disagreements: national administrators
    and lead analysts; plain analysts code (and second-code) only."""
    if not user.is_authenticated:
        return False
    return user.is_national_admin or user.is_lead


def require(condition):
    if not condition:
        raise PermissionDenied


def can_view_users_of(user, organisation):
    """The user page of an organisation: national administrators, the county coordinator of
    its county and the organisation's own users."""
    if not user.is_authenticated:
        return False
    if user.is_national_admin:
        return True
    if user.is_county_coordinator and user.county_id == organisation.county_id:
        return True
    return user.organisation_id == organisation.pk


def can_manage_user(actor, target):
    """Deactivate and activate `target`: national administrators anyone but themselves, a
    county coordinator the reporters of its county."""
    if not actor.is_authenticated or actor.pk == target.pk:
        return False
    if actor.is_national_admin:
        return True
    return (
        actor.is_county_coordinator
        and target.role == Role.REPORTER
        and target.organisation_id is not None
        and target.county_id == actor.county_id
    )


def can_appoint_lead_analysts(actor):
    """Mark or unmark analysts as lead analysts, and see the users without an organisation
    (national administrators and analysts): national administrators."""
    return actor.is_authenticated and actor.is_national_admin
