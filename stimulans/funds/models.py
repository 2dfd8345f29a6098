from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stimulans.organisations.models import County, Organisation, OrganisationKind


class Agreement(models.Model):
    """One year's state–SKR agreement (överenskommelse)."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    title = models.CharField(_("titel"), max_length=300)
    total_sek = models.BigIntegerField(_("totalbelopp (kr)"))
    reporting_deadline = models.DateField(_("sista dag för redovisning"), null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")

    def __str__(self):
        return self.title


class PeriodKind(models.TextChoices):
    AGREEMENT = "agreement", _("Överenskommelse över flera år")
    COMMISSION = "commission", _("Myndigheternas uppdragsperiod")


class PeriodQuerySet(models.QuerySet):
    def covering(self, year):
        """The periods that include `year`."""
        return self.filter(first_year__lte=year, last_year__gte=year)


class Period(models.Model):
    """Years that belong together: an agreement that spans several years (each year is still its
    own `Agreement`, with its parts, pots and allocations; the period records the amount the
    signed agreement states for each year), or the agencies' commission (e.g. 2020–2023) that
    groups years for analysis. Periods of one kind do not overlap (`funds.periods`)."""

    kind = models.CharField(_("typ av period"), max_length=16, choices=PeriodKind.choices)
    title = models.CharField(_("namn"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("första år"))
    last_year = models.PositiveSmallIntegerField(_("sista år"))
    # {"2021": kronor}: the amount the agreement states for each year of the period (an
    # agreement period only; whole kronor).
    yearly_amounts = models.JSONField(_("belopp per år"), default=dict, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "first_year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="period_years_in_order",
            )
        ]
        verbose_name = _("period")
        verbose_name_plural = _("perioder")

    def __str__(self):
        return f"{self.title} ({self.first_year}–{self.last_year})"

    @property
    def years(self):
        return list(range(self.first_year, self.last_year + 1))

    def amount_for(self, year):
        value = (self.yearly_amounts or {}).get(str(year))
        return value if isinstance(value, int) else None


class AgreementPart(models.Model):
    """A part (del) of the agreement, with its aims."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parts")
    slug = models.SlugField(_("kortnamn"), max_length=100)
    title = models.CharField(_("titel"), max_length=400)
    aims = models.TextField(_("inriktning"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # The part of an earlier year this one continues (set when an agreement is copied; edited by
    # the administrator when parts are merged or renamed). Comparisons follow it before the slug.
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("motsvarande del föregående år"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )

    class Meta:
        ordering = ["agreement", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="part_slug_unique")
        ]
        verbose_name = _("del")
        verbose_name_plural = _("delar")

    def __str__(self):
        return self.title


class KeyKind(models.TextChoices):
    POPULATION = "population", _("Befolkning")
    AGE_BAND = "age_band", _("Befolkning i åldersintervall")
    WEIGHTS = "weights", _("Fastställd vikttabell")
    BASE_PLUS_POPULATION = "base_plus_population", _("Grundbelopp plus befolkning")


class AllocationKey(models.Model):
    """Fördelningsnyckel: how a pot is split among its recipients."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="keys")
    slug = models.SlugField(_("kortnamn"), max_length=100)
    kind = models.CharField(_("typ"), max_length=32, choices=KeyKind.choices)
    age_min = models.PositiveSmallIntegerField(_("lägsta ålder"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("högsta ålder"), null=True, blank=True)
    base_amount_sek = models.BigIntegerField(
        _("grundbelopp per mottagare (kr)"), null=True, blank=True
    )
    population_year = models.PositiveSmallIntegerField(
        _("befolkningsår"), help_text=_("Vanligen året före överenskommelsens år.")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="key_slug_unique")
        ]
        verbose_name = _("fördelningsnyckel")
        verbose_name_plural = _("fördelningsnycklar")

    def __str__(self):
        return self.describe()

    def describe(self):
        if self.kind == KeyKind.AGE_BAND:
            return _("Befolkning %(min)s–%(max)s år (%(year)s)") % {
                "min": self.age_min if self.age_min is not None else 0,
                "max": self.age_max if self.age_max is not None else "",
                "year": self.population_year,
            }
        if self.kind == KeyKind.BASE_PLUS_POPULATION:
            return _("Grundbelopp %(base)s kr plus befolkning (%(year)s)") % {
                "base": self.base_amount_sek,
                "year": self.population_year,
            }
        if self.kind == KeyKind.WEIGHTS:
            return str(_("Fastställd vikttabell"))
        return _("Befolkning (%(year)s)") % {"year": self.population_year}


class AllocationWeight(models.Model):
    key = models.ForeignKey(AllocationKey, on_delete=models.CASCADE, related_name="weights")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    weight = models.DecimalField(_("vikt"), max_digits=24, decimal_places=9)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "organisation"], name="weight_unique")
        ]


class Pot(models.Model):
    """The amount of one part for one recipient kind (stimulansmedel för en mottagartyp)."""

    part = models.ForeignKey(AgreementPart, on_delete=models.CASCADE, related_name="pots")
    recipient_kind = models.CharField(
        _("mottagartyp"), max_length=16, choices=OrganisationKind.choices
    )
    amount_sek = models.BigIntegerField(_("belopp (kr)"))
    key = models.ForeignKey(
        AllocationKey, verbose_name=_("fördelningsnyckel"), on_delete=models.PROTECT
    )
    purpose = models.CharField(_("ändamål"), max_length=300, blank=True)

    class Meta:
        ordering = ["part__order", "recipient_kind"]
        constraints = [
            models.UniqueConstraint(fields=["part", "recipient_kind"], name="pot_unique")
        ]
        verbose_name = _("pott")
        verbose_name_plural = _("potter")

    def __str__(self):
        return f"{self.part.title} – {self.get_recipient_kind_display()}"

    @property
    def agreement(self):
        return self.part.agreement


class Category(models.Model):
    """Insatskategori: the controlled list of initiative categories of a pot."""

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="categories")
    slug = models.SlugField(_("kortnamn"), max_length=100)
    title = models.CharField(_("titel"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    # The crosswalk between years: the categories of an earlier year this one continues (one when
    # copied or renamed, several when merged; a category split in two names the same one twice).
    # Without any, the category starts a new series in comparisons and trends.
    predecessors = models.ManyToManyField(
        "self",
        verbose_name=_("motsvarande kategorier föregående år"),
        symmetrical=False,
        blank=True,
        related_name="successors",
    )

    class Meta:
        ordering = ["pot", "order"]
        constraints = [models.UniqueConstraint(fields=["pot", "slug"], name="category_unique")]
        verbose_name = _("insatskategori")
        verbose_name_plural = _("insatskategorier")

    def __str__(self):
        return self.title


class Measure(models.Model):
    """A number collected from recipients (e.g. BUP: children assessed within 30 days)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(_("kod"), max_length=100)
    group = models.CharField(_("grupp"), max_length=50)
    title = models.CharField(_("titel"), max_length=300)
    pots = models.ManyToManyField(Pot, related_name="measures", blank=True)

    class Meta:
        ordering = ["agreement", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "code"], name="measure_code_unique")
        ]
        verbose_name = _("mått")
        verbose_name_plural = _("mått")

    def __str__(self):
        return self.title


class Allocation(models.Model):
    """Fördelning: one recipient's amount, in whole kronor, from one pot."""

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="allocations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="allocations"
    )
    amount_sek = models.BigIntegerField(_("belopp (kr)"))
    weight = models.DecimalField(_("underlag"), max_digits=24, decimal_places=9)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pot", "organisation__code"]
        constraints = [
            models.UniqueConstraint(fields=["pot", "organisation"], name="allocation_unique")
        ]
        verbose_name = _("fördelning")
        verbose_name_plural = _("fördelningar")

    def __str__(self):
        return f"{self.organisation} – {self.pot}: {self.amount_sek}"

    @property
    def requested_sek(self):
        return sum(r.amount_sek for r in self.requisitions.all())


class Requisition(models.Model):
    """Rekvirering: a recipient's request for all or part of its allocation."""

    allocation = models.ForeignKey(
        Allocation, on_delete=models.PROTECT, related_name="requisitions"
    )
    amount_sek = models.BigIntegerField(_("belopp (kr)"))
    note = models.CharField(_("kommentar"), max_length=500, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    requested_at = models.DateTimeField(_("rekvirerat"), auto_now_add=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("rekvirering")
        verbose_name_plural = _("rekvireringar")


class SetAsideRule(models.TextChoices):
    PERCENT = "percent", _("Procent av rekvirerade medel")
    FIXED = "fixed", _("Fast belopp ur länets gemensamma medel")


class SetAside(models.Model):
    """A county's set-aside of funds for its joint effort in one year."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="set_asides")
    year = models.PositiveSmallIntegerField(_("år"))
    rule = models.CharField(_("regel"), max_length=16, choices=SetAsideRule.choices)
    percent = models.DecimalField(
        _("procentsats"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    amount_sek = models.BigIntegerField(_("belopp (kr)"))
    note = models.CharField(_("kommentar"), max_length=300, blank=True)

    class Meta:
        ordering = ["county", "year"]
        constraints = [models.UniqueConstraint(fields=["county", "year"], name="set_aside_unique")]
        verbose_name = _("avsättning för länsgemensamt arbete")
        verbose_name_plural = _("avsättningar för länsgemensamt arbete")
