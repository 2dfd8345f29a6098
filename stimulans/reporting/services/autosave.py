"""The report form's autosaves: the changed inputs kept as posted, applied by the next full
save or the submission."""

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stimulans.accounts.permissions import (
    can_act_for_organisation_id,
)

from ..forminputs import apply_input_changes
from ..models import (
    EDITABLE,
    Report,
    ReportAutosave,
)
from .errors import WorkflowError
from .permissions import can_edit_report
from .reading import definition_for, report_values
from .versions import check_version, page_token, parse_version

# Autosave requests larger than this are refused (the form posts only the inputs changed since
# its previous autosave, a few kB; a bigger one is a paste of a whole document, a runaway
# script or an attack, and "Spara utkast" still takes it).
AUTOSAVE_MAX_BYTES = 256 * 1024


class AutosaveTooLarge(WorkflowError):
    def __init__(self):
        super().__init__(
            _(
                "Ändringarna är för stora för att sparas automatiskt (högst %(kb)d kB åt "
                "gången). Spara med knappen Spara utkast."
            )
            % {"kb": AUTOSAVE_MAX_BYTES // 1024}
        )


def autosave(report_id, changes, user, expected_version, page=""):
    """Keep the report form's changed inputs ({input name: [values]}, [] for an input left
    empty) as the browser posted them, without parsing or validating them: the autosave a
    couple of seconds after typing stops. The form shows them on top of the saved answers; the
    next full save (`save_draft`) or the submission applies them.

    `page` is the token of the page load that posts (see check_version).

    Raises Report.DoesNotExist, PermissionDenied, WorkflowError (not editable) and
    ConcurrentEditError like save_draft. Returns (new version, time saved)."""
    now = timezone.now()
    page = page_token(page)
    expected = parse_version(expected_version)
    if changes and expected is not None and can_act_for_organisation_id(user, user.organisation_id):
        version = _write_autosave(report_id, expected, user, changes, now, page)
        if version is not None:
            return version, now
    # Not written: find out why (seldom: the report is not the user's, not editable, or the
    # version has moved on) and, if only this page's own autosaves came in between, write on
    # top of them.
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("organisation").get(pk=report_id)
        if not can_edit_report(user, report):
            raise PermissionDenied
        if not report.is_editable:
            raise WorkflowError(_("Redovisningen är inskickad och kan inte ändras."))
        check_version(report, expected_version, user, page)
        if not changes:
            return report.version, now  # nothing to keep: no write, no history entry
        return _write_autosave(report_id, report.version, user, changes, now, page), now


def _write_autosave(report_id, version, user, changes, now, page=""):
    """Move the report from `version` to the next and record the autosave, if the report is
    still at `version`, editable and the user's organisation's; returns the new version, or
    None if nothing was written.

    This runs every few seconds for every reporter at the deadline, so it is written out in
    SQL: on PostgreSQL one statement (a conditional update feeding the insert, atomic without
    a transaction block), on SQLite an update and an insert in one transaction. Building the
    same with the ORM cost several times as much as running it (benchmarks/draft_save.py,
    docs/performance.md)."""
    update = (
        f"UPDATE {Report._meta.db_table} SET version = version + 1, "
        "autosave_since = COALESCE(autosave_since, version), updated_at = %s "
        "WHERE id = %s AND version = %s AND organisation_id = %s AND status IN (%s, %s) "
        "RETURNING id, version"
    )
    stamp = connection.ops.adapt_datetimefield_value(now)
    params = [stamp, report_id, version, user.organisation_id, *EDITABLE]
    record = [
        ReportAutosave._meta.get_field("changes").get_db_prep_save(changes, connection),
        user.pk,
        stamp,
        page,
    ]
    insert = (
        f"INSERT INTO {ReportAutosave._meta.db_table} "
        "(report_id, version, changes, saved_by_id, saved_at, page) "
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH moved AS ({update}) {insert} SELECT id, version, %s, %s, %s, %s FROM moved "
                "RETURNING version",
                params + record,
            )
            row = cursor.fetchone()
        return row[0] if row else None
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(update, params)
        row = cursor.fetchone()
        if row is None:
            return None
        cursor.execute(insert + "VALUES (%s, %s, %s, %s, %s, %s)", [*row, *record])
    return row[1]


def pending_autosaves(report):
    """The autosaves no full save has applied yet, oldest first."""
    if report.autosave_since is None:
        return []
    return list(report.autosaves.filter(version__gt=report.autosave_since).order_by("version"))


def autosaved_at(report):
    """When the last pending autosave was made, or None."""
    return report.updated_at if report.autosave_since is not None else None


def autosaved_values(report, definition=None):
    """The saved answers with the pending autosaves applied, in the shape save_draft takes;
    None if there are none."""
    autosaves = pending_autosaves(report)
    if not autosaves:
        return None
    definition = definition if definition is not None else definition_for(report)
    values = report_values(report)
    for saved in autosaves:
        values = apply_input_changes(definition, values, saved.changes)
    return values
