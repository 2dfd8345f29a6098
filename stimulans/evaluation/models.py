"""The agencies' evaluation (att utvärdera): evaluation studies that follow a sample of
organisations or initiatives over several years, and the agencies' work plan for following,
supporting and evaluating."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import AgreementPart
from stimulans.organisations.models import Organisation
from stimulans.reporting.models import Initiative, Report
from stimulans.support.models import Agency


class UnitKind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisationer")
    INITIATIVE = "initiative", _("Insatser")


class EvaluationStudy(models.Model):
    title = models.CharField(_("titel"), max_length=300)
    question = models.TextField(_("utvärderingsfråga"))
    agency = models.CharField(_("ansvarig myndighet"), max_length=30, choices=Agency.choices)
    parts = models.ManyToManyField(AgreementPart, verbose_name=_("delar"), blank=True)
    method = models.TextField(_("metod"), blank=True)
    unit_kind = models.CharField(
        _("urvalet består av"),
        max_length=20,
        choices=UnitKind.choices,
        default=UnitKind.ORGANISATION,
    )
    start_year = models.PositiveSmallIntegerField(_("första år"))
    end_year = models.PositiveSmallIntegerField(_("sista år"))
    # The draw that gave the drawn units: the same seed and candidates give the same sample.
    seed = models.PositiveIntegerField(_("slumpfrö"), null=True, blank=True)
    sample_size = models.PositiveSmallIntegerField(_("urvalets storlek"), null=True, blank=True)
    # No m2m history: simple-history records m2m changes again when a backup is loaded.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="study_years_in_order"
            )
        ]
        verbose_name = _("utvärderingsstudie")
        verbose_name_plural = _("utvärderingsstudier")

    def __str__(self):
        return self.title


class SampledUnit(models.Model):
    """An organisation or an initiative the study follows: drawn, or chosen by hand."""

    study = models.ForeignKey(EvaluationStudy, on_delete=models.CASCADE, related_name="units")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    initiative = models.ForeignKey(
        Initiative, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    drawn = models.BooleanField(_("slumpmässigt dragen"), default=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, initiative__isnull=True)
                | Q(organisation__isnull=True, initiative__isnull=False),
                name="unit_is_one_thing",
            ),
            models.UniqueConstraint(
                fields=["study", "organisation"],
                condition=Q(organisation__isnull=False),
                name="unit_organisation_unique",
            ),
            models.UniqueConstraint(
                fields=["study", "initiative"],
                condition=Q(initiative__isnull=False),
                name="unit_initiative_unique",
            ),
        ]
        verbose_name = _("urvalsenhet")
        verbose_name_plural = _("urvalsenheter")

    def __str__(self):
        return str(self.organisation or self.initiative)

    @property
    def home_organisation_id(self):
        """The organisation whose reports and initiatives the unit's events may name."""
        if self.organisation_id:
            return self.organisation_id
        return self.initiative.report.organisation_id


class EventKind(models.TextChoices):
    EVENT = "event", _("Händelse")
    FINDING = "finding", _("Resultat")


class UnitEvent(models.Model):
    """A key event or a finding about a sampled unit in one year, linked to the initiative or
    report it concerns."""

    unit = models.ForeignKey(SampledUnit, on_delete=models.CASCADE, related_name="events")
    year = models.PositiveSmallIntegerField(_("år"))
    kind = models.CharField(_("typ"), max_length=20, choices=EventKind.choices)
    text = models.TextField(_("beskrivning"))
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("insats"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = models.ForeignKey(
        Report,
        verbose_name=_("redovisning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("händelse eller resultat")
        verbose_name_plural = _("händelser och resultat")


class Duty(models.TextChoices):
    FOLLOW = "follow", _("Följa")
    SUPPORT = "support", _("Stödja")
    EVALUATE = "evaluate", _("Utvärdera")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågår")
    DONE = "done", _("Genomförd")


class WorkPlanActivity(models.Model):
    """An activity of the agencies' work plan (the report's Tables 10–12)."""

    duty = models.CharField(_("uppdrag"), max_length=20, choices=Duty.choices)
    title = models.CharField(_("aktivitet"), max_length=300)
    agency = models.CharField(_("ansvarig myndighet"), max_length=30, choices=Agency.choices)
    start = models.DateField(_("från"))
    end = models.DateField(_("till"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActivityStatus.choices,
        default=ActivityStatus.PLANNED,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["duty", "start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="activity_period")
        ]
        verbose_name = _("aktivitet i arbetsplanen")
        verbose_name_plural = _("aktiviteter i arbetsplanen")

    def __str__(self):
        return self.title
