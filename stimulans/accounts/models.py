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
