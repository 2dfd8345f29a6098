"""The outbox: e-mail waiting to be sent, and what happened to it (see `stimulans.mail.outbox`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    PENDING = "pending", _("I kö")
    SENDING = "sending", _("Skickas")
    SENT = "sent", _("Skickad")
    FAILED = "failed", _("Misslyckades")


class OutgoingMail(models.Model):
    """One message to one address. It is stored in the same transaction as what it is about, and
    sent afterwards; the row records whether the mail server accepted it."""

    to = models.EmailField(_("mottagare"), max_length=254)
    subject = models.CharField(_("ämne"), max_length=300)
    body = models.TextField(_("text"))
    from_email = models.CharField(_("avsändare"), max_length=254, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    error = models.TextField(_("fel"), blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("påbörjad"), null=True, blank=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        indexes = [models.Index(fields=["status", "claimed_at"], name="core_mail_status_idx")]

    def __str__(self):
        return f"{self.to}: {self.subject}"
