"""Coding analysts can trust: the codebook of a part and year, every coder's own codes (double
coding, imported codings, adjudication), the samples drawn for a second coder and the
suggestions of the model trained on the analysts' codings. The final coding stays
`analysis.InitiativeCoding`, so every analysis reads it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import AgreementPart, Category
from stimulans.reporting.models import EffectLevel, Initiative, Phase


class Dimension(models.TextChoices):
    CATEGORY = "category", _("Insatskategori")
    EFFECT_LEVEL = "effect_level", _("Effektnivå")
    EFFECT_MEASURED = "effect_measured", _("Effekten är mätt")
    LINK_QUALITY = "link_quality", _("Kedjans kvalitet")
    PHASE = "phase", _("Fas")
    WITHIN_AGREEMENT = "within_agreement", _("Inom överenskommelsen")


# The dimensions a codebook describes (the others are yes/no or a fixed pair).
CODEBOOK_DIMENSIONS = [Dimension.CATEGORY, Dimension.EFFECT_LEVEL, Dimension.LINK_QUALITY]


class Codebook(models.Model):
    """The codebook of one part (and so of one year). `version` moves on with a change made
    after coding has started; each coder's code records the version it was made under."""

    part = models.OneToOneField(AgreementPart, on_delete=models.CASCADE, related_name="codebook")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kodbok")
        verbose_name_plural = _("kodböcker")

    def __str__(self):
        return f"{self.part.agreement.year} {self.part.slug} v{self.version}"


class CodebookEntry(models.Model):
    """One code of the codebook: a category (by slug, shared by the part's pots), an effect
    level or a link quality, with its definition, inclusion and exclusion notes and examples."""

    codebook = models.ForeignKey(Codebook, on_delete=models.CASCADE, related_name="entries")
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    code = models.CharField(_("kod"), max_length=100)
    title = models.CharField(_("titel"), max_length=300)
    definition = models.TextField(_("definition"), blank=True)
    inclusion = models.TextField(_("ingår"), blank=True)
    exclusion = models.TextField(_("ingår inte"), blank=True)
    examples = models.TextField(_("exempel"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["codebook", "dimension", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["codebook", "dimension", "code"], name="codebook_entry_unique"
            )
        ]
        verbose_name = _("kod i kodboken")
        verbose_name_plural = _("koder i kodboken")

    def __str__(self):
        return self.title


class CodebookChange(models.Model):
    """A change of the codebook after coding had started: the version it led to."""

    codebook = models.ForeignKey(Codebook, on_delete=models.CASCADE, related_name="changes")
    version = models.PositiveIntegerField()
    description = models.TextField(_("ändring"))
    changed_at = models.DateTimeField(_("ändrad"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["codebook", "-version", "-pk"]


class CoderRole(models.TextChoices):
    FIRST = "first", _("Första kodare")
    SECOND = "second", _("Andra kodare")
    ADJUDICATED = "adjudicated", _("Avgjord")


class CoderCode(models.Model):
    """One coder's code of one initiative (a user of the product, or an external coder named in
    an imported file). Empty values: not coded on that dimension."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="coder_codes")
    coder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    external_coder = models.CharField(_("extern kodare"), max_length=150, blank=True)
    role = models.CharField(
        _("roll"), max_length=16, choices=CoderRole.choices, default=CoderRole.FIRST
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    effect_level = models.CharField(max_length=16, choices=EffectLevel.choices, blank=True)
    effect_measured = models.BooleanField(null=True, blank=True)
    link_quality = models.CharField(max_length=16, blank=True)
    phase = models.CharField(max_length=16, choices=Phase.choices, blank=True)
    within_agreement = models.BooleanField(null=True, blank=True)
    codebook_version = models.PositiveIntegerField(null=True, blank=True)
    from_suggestion = models.BooleanField(_("från ett godtaget förslag"), default=False)
    coded_at = models.DateTimeField(_("kodad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "coder", "external_coder", "role"],
                name="coder_code_once",
            )
        ]
        verbose_name = _("kodares kod")
        verbose_name_plural = _("kodares koder")

    @property
    def coder_name(self):
        return self.coder.username if self.coder_id else self.external_coder

    def value(self, dimension):
        if dimension == Dimension.CATEGORY:
            return self.category.slug if self.category_id else None
        raw = getattr(self, dimension)
        return None if raw in ("", None) else raw


class DoubleCodingSample(models.Model):
    """A sample of a part's initiatives drawn for a second coder: a share or a number, stratified
    by recipient kind, reproducible from the seed."""

    part = models.ForeignKey(AgreementPart, on_delete=models.CASCADE, related_name="+")
    seed = models.PositiveIntegerField(_("slumpfrö"))
    share = models.DecimalField(_("andel"), max_digits=4, decimal_places=3, null=True, blank=True)
    number = models.PositiveIntegerField(_("antal"), null=True, blank=True)
    second_coder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)
    initiatives = models.ManyToManyField(Initiative, related_name="+")

    class Meta:
        ordering = ["-drawn_at", "-pk"]


class SuggestionModel(models.Model):
    """A model trained on the analysts' codings of a part (and earlier years' same part): its
    version, training set, date and cross-validated agreement per dimension."""

    part = models.ForeignKey(AgreementPart, on_delete=models.CASCADE, related_name="+")
    version = models.CharField(_("version"), max_length=64)
    training_size = models.PositiveIntegerField(_("träningsmängd"))
    trained_at = models.DateTimeField(_("tränad"), auto_now_add=True)
    training_seconds = models.FloatField(default=0)
    cross_validated = models.JSONField(default=dict)

    class Meta:
        ordering = ["-trained_at", "-pk"]


class Suggestion(models.Model):
    """A suggested coding of one initiative. Never a coding by itself: the analyst accepts,
    changes or skips it."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    model = models.ForeignKey(SuggestionModel, on_delete=models.CASCADE, related_name="suggestions")
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    category_confidence = models.FloatField(null=True)
    effect_level = models.CharField(max_length=16, blank=True)
    effect_level_confidence = models.FloatField(null=True)
    link_quality = models.CharField(max_length=16, blank=True)
    link_quality_confidence = models.FloatField(null=True)
    words = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class CodingNote(models.Model):
    """The analysts' free-text note on the coding of one initiative (why a code, what to ask
    the county), shared by the analysts of the part, with history. `version` moves on with
    each save, so that an edit based on an older note is refused (`notes.save_note`)."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="coding_note"
    )
    body = models.TextField(_("anteckning"), blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anteckning om kodningen")
        verbose_name_plural = _("anteckningar om kodningen")

    def __str__(self):
        return str(self.initiative)
