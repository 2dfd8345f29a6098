"""Documents attached to a report (bilagor)."""

from django.db import transaction

from ..models import ReportAttachment
from .permissions import require_editable

ATTACHMENT_EXTENSIONS = [".pdf", ".docx", ".doc", ".odt", ".xlsx", ".ods", ".pptx", ".txt", ".csv"]


@transaction.atomic
def add_attachment(report, upload, user):
    """Attach an uploaded document (checked with funds.forms.check_upload by the caller)."""
    require_editable(report, user)
    name = upload.name.rsplit("/", 1)[-1][:200]
    attachment = ReportAttachment(report=report, name=name, uploaded_by=user)
    attachment.file.save(name, upload, save=False)
    attachment._history_user = user
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(report, attachment_id, user):
    require_editable(report, user)
    attachment = report.attachments.filter(pk=attachment_id).first()
    if attachment is not None:
        attachment._history_user = user
        attachment.delete()  # the file is kept on disk, so the history can still refer to it
