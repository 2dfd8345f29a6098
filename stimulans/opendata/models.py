"""The open-data settings: one row, edited by national administrators in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

LICENCES = {
    "cc0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "cc-by-4.0": "http://creativecommons.org/licenses/by/4.0/",
}


class Licence(models.TextChoices):
    CC0 = "cc0", _("CC0 1.0 (ingen upphovsrätt förbehålls)")
    CC_BY_4 = "cc-by-4.0", _("CC BY 4.0 (erkännande)")


class OpenDataSettings(models.Model):
    """The licence, publisher and contact point of the published open data (a singleton)."""

    licence = models.CharField(
        _("licens"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_4
    )
    publisher_name = models.CharField(
        _("utgivare"), max_length=200, default="Sveriges Kommuner och Regioner"
    )
    contact_name = models.CharField(
        _("kontaktpunkt"), max_length=200, default="Sveriges Kommuner och Regioner"
    )
    contact_email = models.EmailField(_("kontaktpunktens e-post"), default="info@skr.se")

    class Meta:
        verbose_name = _("inställningar för öppna data")
        verbose_name_plural = _("inställningar för öppna data")

    def __str__(self):
        return str(self._meta.verbose_name)

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The settings (the defaults until an administrator saves them)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def licence_uri(self):
        return LICENCES[self.licence]
