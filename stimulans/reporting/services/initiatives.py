"""Removing an initiative (after a confirmation) and restoring it from its history."""

from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.funds.models import Category
from stimulans.lib.text import is_digits

from ..models import (
    Initiative,
    Report,
)
from .autosave import autosaved_values
from .drafts import save_draft
from .errors import WorkflowError
from .permissions import require_editable
from .versions import check_version


def _touch(locked, user):
    """Move the report's version on (its initiatives changed) and record who did it."""
    locked.version += 1
    locked._history_user = user
    locked.save()


@transaction.atomic
def remove_initiative(report, identifier, user, expected_version):
    """Remove one initiative (the confirmation page's "Ta bort"), checked against the version
    the page showed. Returns the history record of the removal, which `restore_initiative`
    takes to put it back with its answers. Raises Initiative.DoesNotExist, PermissionDenied,
    WorkflowError and ConcurrentEditError."""
    locked = Report.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    require_editable(locked, user)
    check_version(locked, expected_version, user)
    if locked.autosave_since is not None:
        # Pending autosaves refer to initiatives by position: apply them before positions move.
        save_draft(locked, autosaved_values(locked), user, locked.version, check_permission=False)
        locked.refresh_from_db()
    initiative = locked.initiatives.get(identifier=identifier)
    initiative._history_user = user
    initiative.delete()
    _touch(locked, user)
    report.refresh_from_db()
    return (
        Initiative.history.filter(report_id=locked.pk, identifier=identifier, history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )


def removed_initiative(report, history_id):
    """The history record of an initiative removed from the report that can be restored (no
    initiative with its identifier exists now), or None."""
    if not is_digits(str(history_id or "")):
        return None
    record = Initiative.history.filter(
        report_id=report.pk, history_type="-", history_id=int(history_id)
    ).first()
    if record is None or report.initiatives.filter(identifier=record.identifier).exists():
        return None
    return record


@transaction.atomic
def restore_initiative(report, history_id, user):
    """Put a removed initiative back, with its answers, at its old place ("Ångra" right after
    the removal, or later from the history). Returns the initiative. Raises PermissionDenied,
    WorkflowError (not editable, or nothing to restore)."""
    locked = Report.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    require_editable(locked, user)
    record = removed_initiative(locked, history_id)
    if record is None:
        raise WorkflowError(_("Insatsen finns redan eller kan inte återställas."))
    if locked.autosave_since is not None:
        save_draft(locked, autosaved_values(locked), user, locked.version, check_permission=False)
        locked.refresh_from_db()
    initiative = record.instance
    if initiative.category_id and not Category.objects.filter(pk=initiative.category_id).exists():
        initiative.category = None
    siblings = list(locked.initiatives.order_by("order", "pk"))
    place = min(initiative.order, len(siblings))
    for order, other in enumerate(siblings[:place] + [None] + siblings[place:]):
        if other is None:
            initiative.order = order
        elif other.order != order:
            Initiative.objects.filter(pk=other.pk).update(order=order)
    if Initiative.objects.filter(pk=initiative.pk).exists():
        initiative.pk = None  # the old row id is taken: a new row with the same answers
    initiative._history_user = user
    initiative.save(force_insert=True)
    _touch(locked, user)
    report.refresh_from_db()
    return initiative
