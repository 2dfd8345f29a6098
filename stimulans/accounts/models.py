from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REPORTER = "reporter", _("Rapportör")
    COUNTY_COORDINATOR = "county_coordinator", _("Länssamordnare")
    NATIONAL_ADMIN = "national_admin", _("Nationell administratör")
    ANALYST = "analyst", _("Analytiker")


class User(AbstractUser):
    """A person using the product: one organisation (none for national roles), one role."""

    role = models.CharField(_("roll"), max_length=32, choices=Role.choices, default=Role.REPORTER)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    # An analyst who leads the coding: draws the double-coding samples and adjudicates, as a
    # national administrator does (`permissions.can_lead_coding`). Means nothing for the other
    # roles.
    is_lead_analyst = models.BooleanField(
        _("huvudanalytiker"),
        default=False,
        help_text=_("Analytiker som drar urval för dubbelkodning och avgör oenigheter."),
    )

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")

    @property
    def is_national_admin(self):
        return self.role == Role.NATIONAL_ADMIN

    @property
    def is_analyst(self):
        return self.role == Role.ANALYST

    @property
    def is_lead(self):
        """A lead analyst: an analyst with the flag (the flag alone is nothing)."""
        return self.role == Role.ANALYST and self.is_lead_analyst

    @property
    def is_county_coordinator(self):
        return self.role == Role.COUNTY_COORDINATOR

    @property
    def is_reporter(self):
        return self.role == Role.REPORTER

    @property
    def reads_everything(self):
        """National administrators and analysts read every organisation's data."""
        return self.role in (Role.NATIONAL_ADMIN, Role.ANALYST)

    @property
    def county_id(self):
        return self.organisation.county_id if self.organisation_id else None


class InvitationStatus(models.TextChoices):
    REQUESTED = "requested", _("Begärd, väntar på godkännande")
    SENT = "sent", _("Skickad")
    ACCEPTED = "accepted", _("Antagen")
    REVOKED = "revoked", _("Återkallad")


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """National administrators: every invitation; a county coordinator: those to the
        organisations of its county; a reporter: the colleagues it asked for."""
        if not user.is_authenticated:
            return self.none()
        if user.is_national_admin:
            return self
        if user.is_county_coordinator and user.county_id is not None:
            return self.filter(organisation__county_id=user.county_id)
        return self.filter(requested_by=user)


class Invitation(models.Model):
    """An e-mailed link to become a user with the role and organisation the inviter chose.
    Only a hash of the link's token is stored; resending makes a new token (the old link dies)."""

    email = models.EmailField(_("e-postadress"))
    name = models.CharField(_("namn"), max_length=150, blank=True)
    role = models.CharField(_("roll"), max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    # Only with the analyst role: the new user becomes a lead analyst (`User.is_lead_analyst`).
    is_lead_analyst = models.BooleanField(_("huvudanalytiker"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.SENT
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    requested_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations_asked"
    )
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitation"
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)
    expires_at = models.DateTimeField(_("går ut"), null=True, blank=True)
    closed_at = models.DateTimeField(_("avslutad"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")

    def __str__(self):
        return f"{self.email} ({self.role_label()})"

    def role_label(self):
        """The role as shown: "Huvudanalytiker" for an analyst invited as lead analyst."""
        return _("Huvudanalytiker") if self.is_lead_analyst else self.get_role_display()

    def is_expired(self, now=None):
        from django.utils import timezone

        return self.expires_at is not None and (now or timezone.now()) >= self.expires_at


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", _("Inloggning")
    SIGN_IN_FAILED = "sign_in_failed", _("Misslyckad inloggning")
    ROLE_CHANGED = "role_changed", _("Ändrad roll")
    ORGANISATION_CHANGED = "organisation_changed", _("Ändrad organisation")
    ACTIVATED = "activated", _("Aktiverad")
    DEACTIVATED = "deactivated", _("Inaktiverad")
    CREATED = "created", _("Användare skapad")
    INVITED = "invited", _("Inbjudan skickad")
    INVITATION_REVOKED = "invitation_revoked", _("Inbjudan återkallad")
    PASSWORD_CHANGED = "password_changed", _("Ändrat lösenord")
    SECOND_FACTOR_ADDED = "second_factor_added", _("Tvåfaktorsinloggning aktiverad")


class AuditEvent(models.Model):
    """One entry of the accounts' audit log. Names are copied, so the entry keeps its meaning
    when the user is renamed; rows are never changed or removed by the product."""

    at = models.DateTimeField(_("tidpunkt"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("händelse"), max_length=32, choices=AuditKind.choices)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    username = models.CharField(_("användarnamn"), max_length=254, blank=True)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_actions"
    )
    actor_name = models.CharField(_("utförd av"), max_length=254, blank=True)
    detail = models.CharField(_("detaljer"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(_("adress"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("logghändelse")
        verbose_name_plural = _("logghändelser")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"


def organisation_model():
    """The Organisation model, reached through User so that accounts does not import
    organisations (which imports accounts)."""
    return User._meta.get_field("organisation").related_model
