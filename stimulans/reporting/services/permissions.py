"""Who may do what with a report (plain rules; the workflow checks them too)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from stimulans.accounts.models import Role
from stimulans.accounts.permissions import (
    can_act_for_organisation,
    can_view_organisation,
)

from .errors import WorkflowError


def can_view_report(user, report):
    return can_view_organisation(user, report.organisation)


def can_edit_report(user, report):
    return can_act_for_organisation(user, report.organisation)


def can_return_report(user, report):
    if not user.is_authenticated:
        return False
    if user.role == Role.NATIONAL_ADMIN:
        return True
    return (
        user.role == Role.COUNTY_COORDINATOR
        and user.county_id is not None
        and user.county_id == report.organisation.county_id
    )


def can_approve_report(user, report):
    return user.is_authenticated and user.role == Role.NATIONAL_ADMIN


def require_editable(report, user):
    if not can_edit_report(user, report):
        raise PermissionDenied
    if not report.is_editable:
        raise WorkflowError(_("Redovisningen är inskickad och kan inte ändras."))
