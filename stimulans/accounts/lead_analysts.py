"""Marking an analyst as lead analyst (`User.is_lead_analyst`) or not. Plain functions shared by
the pages and the command line; the audit log records the change (`audit`, on save).

The wanted value is given, not toggled, so a form sent twice or from a stale page never flips
the flag back: setting the value the user already has changes nothing and is said so."""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Role, User


class LeadAnalystError(Exception):
    """A refused change; the message is Swedish and says why."""


@transaction.atomic
def set_lead_analyst(user, lead):
    """Set `user`'s lead-analyst flag to `lead`; returns True if it changed. The row is locked
    and read again, so the role and flag checked are the stored ones."""
    user = User.objects.select_for_update().get(pk=user.pk)
    name = user.get_full_name() or user.username
    if user.role != Role.ANALYST:
        raise LeadAnalystError(
            _("%(name)s är inte analytiker och kan inte vara huvudanalytiker.") % {"name": name}
        )
    if user.is_lead_analyst == lead:
        return False
    user.is_lead_analyst = lead
    user.save(update_fields=["is_lead_analyst"])
    return True
