"""The workflow: submit (validated), return for correction, approve; what a submission sends."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stimulans.lib.faults import failpoint
from stimulans.lib.numbers import parse_int

from .. import xlsform
from ..models import (
    Report,
    ReportStatus,
)
from ..validation import (
    check_effects_have_goals,
    check_funds_against_allocation,
    check_initiative_funds,
    check_initiatives_present,
    irrelevant_fields,
    validate_answers,
)
from .autosave import autosaved_values
from .drafts import save_draft
from .errors import WorkflowError
from .permissions import can_approve_report, can_edit_report, can_return_report
from .reading import allocation_for, definition_for, report_values
from .versions import check_version


@transaction.atomic
def submit(report, user, expected_version=None):
    """Validate the whole report and, if there are no problems, submit it.

    Returns a list of problems (validation.Issue, a str subclass with `.field` and
    `.initiative` – the 1-based initiative number or None); empty means submitted.
    Raises PermissionDenied, WorkflowError (wrong state) or ConcurrentEditError (when
    `expected_version` is given and stale)."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not can_edit_report(user, locked):
        raise PermissionDenied
    if not locked.is_editable:
        raise WorkflowError(_("Redovisningen är redan inskickad."))
    if expected_version is not None:
        check_version(locked, expected_version, user)
    if locked.autosave_since is not None:
        # Submit what the reporter last saw in the form.
        save_draft(locked, autosaved_values(locked), user, locked.version, check_permission=False)
        locked.refresh_from_db()
    issues = validate_report(locked)
    if issues:
        return issues
    clear = irrelevant_fields(definition_for(locked), report_values(locked))
    if clear:
        save_draft(locked, clear, user, locked.version, check_permission=False)
        locked.refresh_from_db()
    locked.status = ReportStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.version += 1
    locked._history_user = user
    locked.save()
    failpoint("report.submit")  # tests kill the server here: the submission must roll back
    report.refresh_from_db()
    return []


@transaction.atomic
def return_report(report, user, comment, expected_version=None):
    """Send a submitted report back for correction with a comment (county coordinator or
    national administrator). With `expected_version` (the version the confirmation page
    showed), a report changed since raises ConcurrentEditError."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not can_return_report(user, locked):
        raise PermissionDenied
    if expected_version is not None:
        check_version(locked, expected_version, user)
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowError(_("Skriv en kommentar om vad som behöver kompletteras."))
    if not locked.is_counted:
        raise WorkflowError(_("Bara inskickade redovisningar kan återsändas."))
    locked.status = ReportStatus.RETURNED
    locked.return_comment = comment
    locked.approved_at = None
    locked.version += 1
    locked._history_user = user
    locked.save()
    report.refresh_from_db()
    return report


@transaction.atomic
def approve_report(report, user, expected_version=None):
    """Approve a submitted report (national administrator). With `expected_version` (the
    version the confirmation page showed), a report changed since raises
    ConcurrentEditError."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not can_approve_report(user, locked):
        raise PermissionDenied
    if expected_version is not None:
        check_version(locked, expected_version, user)
    if locked.status != ReportStatus.SUBMITTED:
        raise WorkflowError(_("Bara inskickade redovisningar kan godkännas."))
    locked.status = ReportStatus.APPROVED
    locked.approved_at = timezone.now()
    locked.version += 1
    locked._history_user = user
    locked.save()
    report.refresh_from_db()
    return report


def submission_issues(report):
    """The problems that would stop the submission of the report as saved (the form's "Skicka
    in" saves the draft first, then checks), as validation.Issue; nothing is changed."""
    return validate_report(report)


def submission_summary(report):
    """What a submission would send, for the confirmation page: the answers as the form shows
    them (pending autosaves applied), as {funds_received_sek, funds_used_sek,
    funds_carried_over_sek, initiatives, initiative_funds_sek, attachments}; amounts are ints
    or None."""
    values = autosaved_values(report) or report_values(report)

    def amount(value):
        try:
            return parse_int(value)
        except (TypeError, ValueError):
            return None

    rows = values.get(xlsform.INITIATIVES) or []
    return {
        "funds_received_sek": amount(values.get("funds_received_sek")),
        "funds_used_sek": amount(values.get("funds_used_sek")),
        "funds_carried_over_sek": amount(values.get("funds_carried_over_sek")),
        "initiatives": len(rows),
        "initiative_funds_sek": sum(amount(row.get("funds_sek")) or 0 for row in rows),
        "attachments": report.attachments.count(),
    }


def validate_report(report):
    """Every problem that stops the report from being submitted."""
    definition = definition_for(report)
    values = report_values(report)
    issues = validate_answers(definition, values)
    initiatives = list(report.initiatives.all())
    if xlsform.INITIATIVES in xlsform.repeats(definition):
        issues += check_initiatives_present(report, initiatives)
    issues += check_initiative_funds(report, initiatives)
    allocation = allocation_for(report)
    issues += check_funds_against_allocation(report, allocation.amount_sek if allocation else None)
    issues += check_effects_have_goals(initiatives)
    return issues
