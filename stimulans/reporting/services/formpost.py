"""One post of the report form: the draft saved with its added or removed rows, the attachment
and its removal, and the submission check, in one transaction."""

from dataclasses import dataclass, field

from django.db import transaction

from .attachments import add_attachment, remove_attachment
from .drafts import save_draft
from .workflow import validate_report


@dataclass
class FormPost:
    """What a form post did, for the page: the problems stopping the submission ("submit"), the
    index of the row added ("add"), the identifier of the initiative to remove ("remove", the
    confirmation page comes next; None if there is no such row), the attachment stored."""

    issues: list = field(default_factory=list)
    added_row: int | None = None
    remove_identifier: str | None = None
    attachment: object = None


@transaction.atomic
def post_form(report, data, action, upload, user, version, page=None):
    """Save the posted form (`data` as forminputs.parse_post gives it, `action` a
    forminputs.FormAction, `upload` an attachment checked by the caller or None): for "add" an
    empty row is appended to `data` first (so a conflict page shows it too), then the draft,
    the attachment and the attachment's removal are stored together, or none of them; for
    "submit" the saved report is checked. Raises what save_draft raises (PermissionDenied,
    WorkflowError, ConcurrentEditError). Returns a FormPost."""
    result = FormPost()
    if action.kind == "add":
        rows = data.setdefault(action.repeat, [])
        rows.append({})
        result.added_row = len(rows) - 1
    save_draft(report, data, user, version, page=page)
    if upload is not None:
        result.attachment = add_attachment(report, upload, user)
    if action.kind == "remove_attachment":
        remove_attachment(report, action.attachment_id, user)
    if action.kind == "submit":
        result.issues = validate_report(report)
    if action.kind == "remove" and action.index is not None:
        initiative = report.initiatives.order_by("order", "pk")[
            action.index : action.index + 1
        ].first()
        if initiative is not None:
            result.remove_identifier = initiative.identifier
    return result
