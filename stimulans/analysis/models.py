"""Analysis: the analysts' coding of initiatives, the indicator catalogue and the yearly status
report (lägesrapport) with its publication flag."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import Agreement, AgreementPart, Category
from stimulans.reporting.models import EffectLevel, Initiative, Phase


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
    # Recoded only where set: blank phase and null within_agreement leave the reporter's answer.
    phase = models.CharField(_("fas"), max_length=16, choices=Phase.choices, blank=True)
    within_agreement = models.BooleanField(
        _("finansierad av överenskommelsens medel"), null=True, blank=True
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


class IndicatorBasis(models.TextChoices):
    REPORTED = "reported", _("Redovisade mått")
    STATISTICS = "statistics", _("Officiell statistik")


class Indicator(models.Model):
    """Nyckelindikator: numerator / denominator over reported measures (by measure code), or over
    imported statistics series (`basis` statistics: numerator and denominator are series codes,
    or `value_series` names a series whose values are the indicator's own)."""

    code = models.CharField(_("kod"), max_length=100, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    basis = models.CharField(
        _("underlag"), max_length=16, choices=IndicatorBasis.choices, default="reported"
    )
    numerator = models.CharField(_("täljare (mått- eller seriekod)"), max_length=100, blank=True)
    denominator = models.CharField(_("nämnare (mått- eller seriekod)"), max_length=100, blank=True)
    value_series = models.CharField(
        _("färdig värdeserie (seriekod)"),
        max_length=100,
        blank=True,
        help_text=_("Bara för officiell statistik: en serie vars värden är indikatorns egna."),
    )
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

    def clean(self):
        if self.value_series and self.basis != IndicatorBasis.STATISTICS:
            raise ValidationError(
                {"value_series": _("En färdig värdeserie finns bara för officiell statistik.")}
            )
        if self.value_series and (self.numerator or self.denominator):
            raise ValidationError(
                _("Ange antingen en färdig värdeserie eller täljare och nämnare, inte båda.")
            )
        if not self.value_series and not (self.numerator and self.denominator):
            raise ValidationError(_("Ange både täljare och nämnare."))


class StatisticOrgKind(models.TextChoices):
    COUNTRY = "country", _("Riket")
    REGION = "region", _("Region (län)")
    MUNICIPALITY = "municipality", _("Kommun")


class StatisticValue(models.Model):
    """One imported figure of official statistics (e.g. a Kolada KPI or an SCB table): a series
    code, an area (the country, a region by county code or a municipality by its code) and a
    year. The value is exact (Decimal), as the source gives it."""

    source = models.CharField(_("källformat"), max_length=20)
    series = models.CharField(_("serie"), max_length=100)
    org_kind = models.CharField(_("områdestyp"), max_length=16, choices=StatisticOrgKind.choices)
    org_code = models.CharField(_("områdeskod"), max_length=4)
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(_("värde"), max_digits=20, decimal_places=6)
    imported_at = models.DateTimeField(_("importerad"), auto_now=True)

    class Meta:
        ordering = ["series", "year", "org_kind", "org_code"]
        verbose_name = _("statistikvärde")
        verbose_name_plural = _("statistikvärden")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "org_kind", "org_code", "year"], name="statistic_value_unique"
            )
        ]

    def __str__(self):
        return f"{self.series} {self.org_kind}:{self.org_code} {self.year}"


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


class ReportTextKind(models.TextChoices):
    INTRODUCTION = "introduction", _("Inledning")
    METHOD = "method", _("Metod")
    PART_SUMMARY = "part_summary", _("Sammanfattande iakttagelser")


class ReportText(models.Model):
    """A text the analysts write for the year's status report: its introduction and method,
    and per part the summary of observations ("Sammanfattande iakttagelser"). `version` moves on
    with every save, so that an edit based on an older text is refused."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="report_texts")
    part = models.ForeignKey(
        AgreementPart, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("text"), max_length=16, choices=ReportTextKind.choices)
    body = models.TextField(_("text"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rapporttext")
        verbose_name_plural = _("rapporttexter")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "kind"],
                condition=models.Q(part__isnull=True),
                name="report_text_once_per_year",
            ),
            models.UniqueConstraint(
                fields=["agreement", "kind", "part"],
                condition=models.Q(part__isnull=False),
                name="report_text_once_per_part",
            ),
        ]

    def __str__(self):
        return f"{self.agreement.year} {self.get_kind_display()}"


class StatusReportVersion(models.Model):
    """A published version of the year's status report: every figure, table and text as
    computed when it was published (its `sections`, those of `analysis.snapshot.SECTIONS`),
    the national documents rendered from it once, and a fingerprint of the sections to tell
    whether the live figures have changed since."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="status_report_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    note = models.TextField(_("vad som har ändrats"), blank=True)
    published_at = models.DateTimeField(_("publicerad"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)
    docx = models.BinaryField(_("Word"))
    pdf = models.BinaryField(_("PDF"))
    xlsx = models.BinaryField(_("Excel"))

    class Meta:
        ordering = ["agreement", "-number"]
        verbose_name = _("publicerad version")
        verbose_name_plural = _("publicerade versioner")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="status_report_version")
        ]

    def __str__(self):
        return f"{self.agreement.year} v{self.number}"


class StatusReportSection(models.Model):
    """One section of a published version (`snapshot.SECTIONS`), a row of its own so that a page
    reads only what it shows; a section split by key (the counties) has a row per key, named
    `section/key`."""

    version = models.ForeignKey(
        StatusReportVersion, on_delete=models.CASCADE, related_name="sections"
    )
    name = models.CharField(max_length=100)
    data = models.JSONField(_("innehåll"))

    class Meta:
        verbose_name = _("del av en publicerad version")
        verbose_name_plural = _("delar av publicerade versioner")
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="status_report_section")
        ]

    def __str__(self):
        return f"{self.version} {self.name}"


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


class StoredDocument(models.Model):
    """A rendered status report or fact sheet, kept so that it is made once: for a published
    version for good, for a draft until the year's data changes (`key` holds
    `data_version.data_version` and the date). `slot` is what it shows, for whom, without the
    version: a newer draft replaces the older in its slot."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(
        StatusReportVersion, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    slot = models.CharField(max_length=64, db_index=True)
    key = models.CharField(max_length=64, unique=True)
    # The document as a file in the file storage (`stored_documents.FOLDER`), written once when
    # it is stored and served from there; `content` holds the bytes of documents stored before
    # the files (read as they are), empty for the others.
    file = models.FileField(max_length=200, blank=True)
    content = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sparat dokument")
        verbose_name_plural = _("sparade dokument")


class QualityFlagSet(models.Model):
    """The year's quality flags (`QualityFlag`) were computed at `version`: the year's and the
    previous year's `data_version` (reused texts compare with last year). A different version
    means the rows are recomputed before they are read (`analysis.flags`)."""

    agreement = models.OneToOneField(Agreement, on_delete=models.CASCADE, related_name="+")
    version = models.CharField(max_length=64)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kvalitetsflaggor för ett år")
        verbose_name_plural = _("kvalitetsflaggor för år")


class QualityFlag(models.Model):
    """One quality flag of a counted report (or one of its initiatives), stored so that the pages
    page through them with a query. `position` is the order of the list (part, organisation,
    flag); the label is the code's, translated when read."""

    # Indexed by the first index below (every read names the year).
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    position = models.PositiveIntegerField()
    flag = models.CharField(max_length=32)
    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="+")
    organisation = models.CharField(max_length=100)
    county = models.CharField(max_length=8, blank=True)
    part = models.CharField(max_length=100)
    initiative = models.ForeignKey(
        Initiative, null=True, on_delete=models.CASCADE, related_name="+"
    )
    initiative_name = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("kvalitetsflagga")
        verbose_name_plural = _("kvalitetsflaggor")
        ordering = ["position"]
        indexes = [
            models.Index(fields=["agreement", "part", "position"], name="analysis_flag_part"),
        ]
