"""The agencies' support of the counties (att stödja): dialogues, the support needs register
and the actions taken about the needs. On the same counties, organisations, parts and years as
the reports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import AgreementPart
from stimulans.organisations.models import County, Organisation
from stimulans.reporting.models import COUNTED, Report


class Agency(models.TextChoices):
    SOCIALSTYRELSEN = "socialstyrelsen", _("Socialstyrelsen")
    FOLKHALSOMYNDIGHETEN = "folkhalsomyndigheten", _("Folkhälsomyndigheten")
    BOTH = "both", _("Båda myndigheterna")


class InterestOrganisation(models.Model):
    """An interest organisation the agencies hold dialogues with (NSPH, Attention, Mind …)."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("intresseorganisation")
        verbose_name_plural = _("intresseorganisationer")

    def __str__(self):
        return self.short_name or self.name


class SupportTheme(models.Model):
    """A theme of the controlled list of support needs, kept by the administrator."""

    code = models.SlugField(_("kod"), max_length=50, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    prioritised = models.BooleanField(_("prioriterat"), default=False)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    active = models.BooleanField(_("aktivt"), default=True)
    # The report's support question's choice this theme is suggested for (blank: none).
    report_choice = models.CharField(_("förslag för svarsalternativ"), max_length=50, blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("tema för stödbehov")
        verbose_name_plural = _("teman för stödbehov")

    def __str__(self):
        return self.name


class DialogueQuerySet(models.QuerySet):
    def visible_to(self, user):
        """National administrators and analysts read every dialogue, a county coordinator its
        own county's, others none."""
        if not user.is_authenticated:
            return self.none()
        if user.reads_everything:
            return self
        if user.is_county_coordinator and user.county_id is not None:
            return self.filter(county_id=user.county_id)
        return self.none()


class Dialogue(models.Model):
    """A meeting of the agencies with a county's representatives or an interest organisation."""

    date = models.DateField(_("datum"))
    county = models.ForeignKey(
        County, verbose_name=_("län"), null=True, blank=True, on_delete=models.PROTECT
    )
    interest_organisation = models.ForeignKey(
        InterestOrganisation,
        verbose_name=_("intresseorganisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    agenda = models.TextField(_("dagordning"), blank=True)
    # Never published; read by the agencies (analysts, national administrators) only.
    notes = models.TextField(_("anteckningar"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(county__isnull=False) | Q(interest_organisation__isnull=False),
                name="dialogue_has_counterpart",
            )
        ]
        verbose_name = _("dialog")
        verbose_name_plural = _("dialoger")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.counterpart}"

    @property
    def counterpart(self):
        return self.county or self.interest_organisation


class DialogueParticipant(models.Model):
    """Who took part: name, title and organisation only (no other personal data)."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel eller roll"), max_length=200, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("deltagare")
        verbose_name_plural = _("deltagare")

    def __str__(self):
        return self.name


class NeedSource(models.TextChoices):
    DIALOGUE = "dialogue", _("Dialog")
    WORKSHOP = "workshop", _("Workshop")
    REPORT = "report", _("Redovisningens stödfråga")


class SupportNeedQuerySet(models.QuerySet):
    def visible_to(self, user):
        """National administrators and analysts read every need, a county coordinator its
        county's, a reporter its own organisation's."""
        if not user.is_authenticated:
            return self.none()
        if user.reads_everything:
            return self
        if user.is_county_coordinator and user.county_id is not None:
            return self.filter(county_id=user.county_id)
        if user.organisation_id is not None:
            return self.filter(organisation_id=user.organisation_id)
        return self.none()

    def counted(self):
        """The needs counted in the national view: a report's only while the report is
        submitted or approved (`reporting.models.COUNTED`)."""
        return self.filter(Q(report__isnull=True) | Q(report__status__in=COUNTED))


class SupportNeed(models.Model):
    """A support need raised in a dialogue, a workshop or a report's support question."""

    source = models.CharField(_("källa"), max_length=20, choices=NeedSource.choices)
    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialog"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="needs",
    )
    workshop = models.ForeignKey(
        "SupportAction",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="raised_needs",
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="support_needs"
    )
    # The choice of the report's support question this need comes from (report needs only).
    report_choice = models.CharField(max_length=50, blank=True)
    year = models.PositiveSmallIntegerField(_("år"))
    county = models.ForeignKey(County, verbose_name=_("län"), on_delete=models.PROTECT)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    part = models.ForeignKey(
        AgreementPart, verbose_name=_("del"), null=True, blank=True, on_delete=models.PROTECT
    )
    description = models.TextField(_("beskrivning"))
    theme = models.ForeignKey(
        SupportTheme, verbose_name=_("tema"), null=True, blank=True, on_delete=models.PROTECT
    )
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    objects = SupportNeedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "county__code", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "report_choice"],
                condition=Q(report__isnull=False),
                name="support_need_report_choice_unique",
            )
        ]
        verbose_name = _("stödbehov")
        verbose_name_plural = _("stödbehov")

    def __str__(self):
        return self.description[:80]


class ActionKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    GUIDANCE = "guidance", _("Vägledning")
    WEB_TRAINING = "web_training", _("Webbutbildning")
    OTHER = "other", _("Annat")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågår")
    DONE = "done", _("Genomförd")


class SupportAction(models.Model):
    """What the agencies did about needs: a workshop, a guidance document, a web training."""

    kind = models.CharField(_("typ"), max_length=20, choices=ActionKind.choices)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    agency = models.CharField(_("ansvarig myndighet"), max_length=30, choices=Agency.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    date = models.DateField(_("datum"), null=True, blank=True)
    needs = models.ManyToManyField(
        SupportNeed, verbose_name=_("stödbehov"), blank=True, related_name="actions"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")

    def __str__(self):
        return self.title


class WorkshopParticipation(models.Model):
    """How many took part in a workshop from one county."""

    action = models.ForeignKey(
        SupportAction, on_delete=models.CASCADE, related_name="participations"
    )
    county = models.ForeignKey(County, verbose_name=_("län"), on_delete=models.PROTECT)
    participants = models.PositiveIntegerField(_("antal deltagare"))

    class Meta:
        ordering = ["county__code"]
        constraints = [
            models.UniqueConstraint(fields=["action", "county"], name="workshop_county_unique")
        ]
