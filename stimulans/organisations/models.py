from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class County(models.Model):
    """One of the 21 counties (län); SCB codes 01–25 with gaps, as strings."""

    code = models.CharField(_("länskod"), max_length=2, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    short_name = models.CharField(_("kortnamn"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("län")
        verbose_name_plural = _("län")

    def __str__(self):
        return self.name


class OrganisationKind(models.TextChoices):
    REGION = "region", _("Region")
    MUNICIPALITY = "municipality", _("Kommun")
    COUNTY = "county", _("Län (länsgemensam mottagare)")


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The organisations whose allocations, requisitions and reports `user` reads: its own,
        every one in the county for the county's coordinator, every one for national
        administrators and analysts, none for anonymous users. The one spelling of this rule:
        `accounts.permissions.can_view_organisation` asks it about one organisation."""
        if not user.is_authenticated:
            return self.none()
        if user.reads_everything:
            return self
        visible = Q(pk=user.organisation_id) if user.organisation_id is not None else Q(pk=None)
        if user.is_county_coordinator and user.county_id is not None:
            visible |= Q(county_id=user.county_id)
        return self.filter(visible)


class Organisation(models.Model):
    """A recipient of funds (huvudman/mottagare): a region, a municipality or a county recipient.

    Codes are strings: region and county recipient `01`, municipality `0180`.
    """

    kind = models.CharField(_("typ"), max_length=16, choices=OrganisationKind.choices)
    code = models.CharField(_("kod"), max_length=4)
    name = models.CharField(_("namn"), max_length=200)
    short_name = models.CharField(_("kortnamn"), max_length=100)
    county = models.ForeignKey(
        County, verbose_name=_("län"), on_delete=models.PROTECT, related_name="organisations"
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="organisation_kind_code_unique")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self):
        return self.name

    @property
    def kind_code(self):
        return f"{self.kind}-{self.code}"


class PopulationDataset(models.Model):
    """Population by area and single year of age, for one reference year, from one import."""

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    source = models.CharField(_("källa"), max_length=300)
    official = models.BooleanField(
        _("officiell statistik"),
        default=True,
        help_text=_("Falskt för demodata som inte är officiell statistik."),
    )
    filename = models.CharField(_("filnamn"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("importerad"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("befolkningsdata")
        verbose_name_plural = _("befolkningsdata")

    def __str__(self):
        return f"{self.year} ({self.source})"

    @property
    def label(self):
        if self.official:
            return self.source
        return _("Demodata – inte officiell statistik")


class PopulationFigure(models.Model):
    """Number of people of one age (or age group) in one area (a municipality `0180` or a county
    `01`)."""

    dataset = models.ForeignKey(PopulationDataset, on_delete=models.CASCADE, related_name="figures")
    area_code = models.CharField(max_length=4)
    age = models.PositiveSmallIntegerField()
    # The number of years from `age` the figure covers: 1 for single years, 5 for SCB's
    # 5-year groups (`age` 15, span 5: 15–19 år).
    age_span = models.PositiveSmallIntegerField(default=1)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "area_code", "age"], name="population_figure_unique"
            )
        ]
        indexes = [models.Index(fields=["dataset", "area_code"])]
