"""A background job as its starter sees it: what, how far, and how it ended."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    IMPORT = "import", _("Import av redovisningar")
    DOCUMENT = "document", _("Dokument")
    REMINDERS = "reminders", _("Påminnelser")
    ALLOCATION = "allocation", _("Beräkning av fördelningar")


class JobStatus(models.TextChoices):
    WAITING = "waiting", _("Väntar")
    RUNNING = "running", _("Pågår")
    DONE = "done", _("Klart")
    FAILED = "failed", _("Misslyckades")


class Job(models.Model):
    """One run of a background task (`jobs.runner`): who started it, its kind and title, its
    progress (`done` of `total` steps), and its end: a message, or an error in Swedish, and a
    link to the result (a file or a page)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("slag"), max_length=16, choices=JobKind.choices)
    title = models.CharField(_("rubrik"), max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    params = models.JSONField(default=dict, blank=True)
    # The uploaded file a job reads (an import); removed when the job ends.
    input_file = models.FileField(upload_to="jobs/", blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=JobStatus.choices, default=JobStatus.WAITING
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    step = models.CharField(_("steg"), max_length=200, blank=True)
    message = models.TextField(_("resultat"), blank=True)
    error = models.TextField(_("fel"), blank=True)
    result_url = models.CharField(max_length=500, blank=True)
    result_label = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("startad"), auto_now_add=True)
    finished_at = models.DateTimeField(_("avslutad"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bakgrundsjobb")
        verbose_name_plural = _("bakgrundsjobb")

    def __str__(self):
        return self.title

    @property
    def is_finished(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        if self.status == JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
