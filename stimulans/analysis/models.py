"""Analysis: the analysts' coding of initiatives, the indicator catalogue and the yearly status
report (lägesrapport) with its publication flag."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import Agreement, Category
from stimulans.reporting.models import EffectLevel, Initiative


class LinkQuality(models.TextChoices):
    TARGET_GROUP = "target_group", _("Målgruppsinriktad")
    ORGANISATION = "organisation", _("Verksamhetsinriktad")
    INSUFFICIENT = "insufficient", _("Otillräcklig")


class InitiativeCoding(models.Model):
    """The analyst's coding of one initiative. The reporter's own answers stay on the initiative;
    where a coding exists, the aggregation uses it instead."""

    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="coding")
    category = models.ForeignKey(
        Category,
        verbose_name=_("insatskategori"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    effect_level = models.CharField(
        _("effektnivå"), max_length=16, choices=EffectLevel.choices, blank=True
    )
    effect_measured = models.BooleanField(_("effekten är mätt"), default=False)
    link_quality = models.CharField(
        _("kedjans kvalitet"), max_length=16, choices=LinkQuality.choices, blank=True
    )
    note = models.TextField(_("analytikerns kommentar"), blank=True)
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    coded_at = models.DateTimeField(_("kodad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("analytikerkodning")
        verbose_name_plural = _("analytikerkodningar")

    def __str__(self):
        return str(self.initiative)


class Indicator(models.Model):
    """Nyckelindikator: numerator / denominator over reported measures (by measure code)."""

    code = models.CharField(_("kod"), max_length=100, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    numerator = models.CharField(_("täljare (måttkod)"), max_length=100)
    denominator = models.CharField(_("nämnare (måttkod)"), max_length=100)
    unit = models.CharField(_("enhet"), max_length=50, default="%")
    source = models.CharField(_("källa"), max_length=300, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self):
        return self.title


class StatusReport(models.Model):
    """Lägesrapport: one year's analysis; public (pages and JSON) only once published."""

    agreement = models.OneToOneField(
        Agreement, on_delete=models.CASCADE, related_name="status_report"
    )
    published = models.BooleanField(_("publicerad"), default=False)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lägesrapport")
        verbose_name_plural = _("lägesrapporter")

    def __str__(self):
        return str(self.agreement.year)


class TextKind(models.TextChoices):
    """The boxes of the program-logic chain whose texts are grouped."""

    ACTIVITIES = "activities", _("Aktiviteter")
    GOALS = "goals", _("Mål")
    OUTPUTS = "outputs", _("Prestationer")
    EFFECTS = "effects", _("Effekter")


class TextGroupOverride(models.Model):
    """An analyst's group of similar texts in one category: the texts whose keys
    (`analysis.grouping.text_key`) are in `keys` form one group called `label`. Made by merging
    or renaming the automatic groups on the text groups page; removing it restores them."""

    category = models.ForeignKey(
        Category, verbose_name=_("insatskategori"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("ruta"), max_length=16, choices=TextKind.choices)
    keys = models.JSONField(_("nycklar"), default=list)
    label = models.CharField(_("benämning"), max_length=300)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("textgrupp")
        verbose_name_plural = _("textgrupper")

    def __str__(self):
        return self.label
