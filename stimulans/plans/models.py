"""County action plans (länsgemensamma handlingsplaner) and the national initiative list.

One model serves both: an `ActionPlan` has a scope, `county` (one county's joint plan) or
`national` (the national initiative list 2020–2030, goals A–I, with commitments per actor).

A plan is identified by scope, county and year and is versioned: every version is its own row.
At most one version per county and year is a draft; published versions are frozen (saving or
deleting them, or their contents, raises `PlanFrozen`). A new version starts as a copy of the
last one (see `services.py`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import Pot
from stimulans.organisations.models import County


class PlanFrozen(Exception):
    """Raised on any attempt to change a published plan version."""


class PlanScope(models.TextChoices):
    COUNTY = "county", _("Länsgemensam handlingsplan")
    NATIONAL = "national", _("Nationell initiativlista")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    PUBLISHED = "published", _("Publicerad")


class AdoptedBy(models.TextChoices):
    SENIOR_OFFICIALS = "senior_officials", _("Tjänstepersoner på ledningsnivå")
    JUNIOR_OFFICIALS = "junior_officials", _("Tjänstepersoner på handläggarnivå")
    POLITICIANS = "politicians", _("Politiker")


class ActionPlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PlanStatus.PUBLISHED)

    def of(self, scope, county):
        """The versions of one county's plan (or of the national list, county None)."""
        return self.filter(scope=scope, county=county)

    def current_for(self, user, county):
        """The version of the county's plan to point `user` to (the home page): the newest
        version for those who edit it (the county's coordinators, national administrators),
        the newest published version for everyone else, so that a reporter reads the adopted
        plan rather than a newer draft. None if there is none."""
        versions = self.visible_to(user).of(PlanScope.COUNTY, county)
        if not (user.is_national_admin or user.is_county_coordinator):
            versions = versions.published()
        return versions.order_by("-year", "-version").first()

    def visible_to(self, user):
        """The versions `user` may read: published versions for every logged-in user; drafts
        of a county plan also for the county's coordinators and the officials (reporters) of
        its organisations; everything for national administrators and analysts. The one
        spelling of this rule: `permissions.can_view_plan` asks it about one plan."""
        if not user.is_authenticated:
            return self.none()
        if user.reads_everything:
            return self
        visible = Q(status=PlanStatus.PUBLISHED)
        if user.organisation_id is not None and (user.is_county_coordinator or user.is_reporter):
            visible |= Q(scope=PlanScope.COUNTY, county_id=user.county_id)
        return self.filter(visible)


class ActionPlan(models.Model):
    scope = models.CharField(
        _("typ av plan"), max_length=16, choices=PlanScope.choices, default=PlanScope.COUNTY
    )
    county = models.ForeignKey(
        County,
        verbose_name=_("län"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_plans",
    )
    year = models.PositiveSmallIntegerField(_("år"))
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    title = models.CharField(_("titel"), max_length=300, blank=True)
    purpose = models.TextField(_("syfte"), blank=True)
    overall_goals = models.JSONField(_("övergripande mål"), default=list, blank=True)
    previous_documents = models.JSONField(
        _("tidigare planer och analyser"),
        default=list,
        blank=True,
        help_text=_("Äldre dokument som planen hänvisar till: år och titel."),
    )
    requires_child_participation = models.BooleanField(
        _("barns delaktighet är en kontrollpunkt i varje aktivitet"), default=False
    )
    adopted_by = models.CharField(
        _("antagen av"), max_length=32, choices=AdoptedBy.choices, blank=True
    )
    adopted_on = models.DateField(_("antagen den"), null=True, blank=True)
    # The county's organisation for the work (copied from version to version).
    political_anchor = models.TextField(_("politisk förankring"), blank=True)
    secretariat = models.TextField(_("sekretariat/kansli"), blank=True)
    network = models.TextField(_("samordnarnätverk"), blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("kopia av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Optimistic locking: every change to the plan or its contents increments it; a change
    # based on an older value is refused.
    lock_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["scope", "county__code", "-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "county", "year", "version"], name="plan_version_unique"
            ),
            models.UniqueConstraint(
                fields=["year", "version"],
                condition=Q(scope="national"),
                name="national_plan_version_unique",
            ),
            models.UniqueConstraint(
                fields=["scope", "county", "year"],
                condition=Q(status="draft"),
                name="plan_one_draft",
            ),
            models.CheckConstraint(
                condition=Q(scope="national", county__isnull=True)
                | Q(scope="county", county__isnull=False),
                name="plan_scope_county",
            ),
        ]
        verbose_name = _("handlingsplan")
        verbose_name_plural = _("handlingsplaner")

    def __str__(self):
        return f"{self.owner_name} {self.year}, version {self.version}"

    def save(self, *args, **kwargs):
        if self.pk and (
            ActionPlan.objects.filter(pk=self.pk, status=PlanStatus.PUBLISHED).exists()
        ):
            raise PlanFrozen(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if ActionPlan.objects.filter(pk=self.pk, status=PlanStatus.PUBLISHED).exists():
            raise PlanFrozen(self)
        return super().delete(*args, **kwargs)

    @property
    def owner_name(self):
        if self.scope == PlanScope.NATIONAL:
            return str(_("Nationella initiativlistan"))
        return self.county.name if self.county_id else ""

    @property
    def is_published(self):
        return self.status == PlanStatus.PUBLISHED

    @property
    def is_draft(self):
        return self.status == PlanStatus.DRAFT


class PlanContent(models.Model):
    """Something inside a plan: refuses changes once its plan version is published."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_frozen()
        return super().delete(*args, **kwargs)

    def get_plan(self):
        return self.plan

    def _check_frozen(self):
        plan_id = self.get_plan().pk
        if ActionPlan.objects.filter(pk=plan_id, status=PlanStatus.PUBLISHED).exists():
            raise PlanFrozen(self)


class NeedsSection(PlanContent):
    """One section of the needs analysis (nulägesanalys)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    title = models.CharField(_("rubrik"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("avsnitt i nulägesanalysen")
        verbose_name_plural = _("avsnitt i nulägesanalysen")

    def __str__(self):
        return self.title


class NeedsAttachment(PlanContent):
    """A document attached to a needs-analysis section. Copies of a plan share the stored file."""

    section = models.ForeignKey(NeedsSection, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("namn"), max_length=200)
    file = models.FileField(_("fil"), upload_to="plans/attachments/%Y/")
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "name"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.name

    def get_plan(self):
        return self.section.plan


class Area(PlanContent):
    """An area (or, with a parent, a sub-area) of the plan. In the national list: goal A–I."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="areas")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnat område"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subareas",
    )
    code = models.CharField(_("beteckning"), max_length=10, blank=True)
    title = models.CharField(_("rubrik"), max_length=300)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("område")
        verbose_name_plural = _("områden")

    def __str__(self):
        return self.path

    @property
    def path(self):
        label = f"{self.code} {self.title}" if self.code else self.title
        return f"{self.parent.path} › {label}" if self.parent_id else label

    @property
    def top(self):
        return self.parent.top if self.parent_id else self


class GoalTerm(models.TextChoices):
    LONG = "long", _("Långsiktigt mål")
    SHORT = "short", _("Kortsiktigt mål")


class Goal(PlanContent):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    area = models.ForeignKey(
        Area, verbose_name=_("område"), on_delete=models.CASCADE, related_name="goals"
    )
    term = models.CharField(_("typ av mål"), max_length=8, choices=GoalTerm.choices)
    text = models.TextField(_("mål"))
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    # A measurable goal: an indicator of the catalogue (by code) and the share it should reach
    # in the plan's year, in per cent; the follow-up shows the county's reported value beside it.
    indicator_code = models.CharField(_("indikator"), max_length=100, blank=True)
    target_percent = models.DecimalField(
        _("målvärde (procent)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "area__order", "area", "term", "order", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self):
        return self.text


class ActivityKind(models.TextChoices):
    """County plans: prioritised (new, large effort by the secretariat) or ongoing (mostly run
    by others). The national list: initiatives and commitments."""

    PRIORITISED = "prioritised", _("Prioriterad")
    ONGOING = "ongoing", _("Löpande")
    INITIATIVE = "initiative", _("Initiativ")
    COMMITMENT = "commitment", _("Åtagande")

    @classmethod
    def for_scope(cls, scope):
        if scope == PlanScope.NATIONAL:
            return [cls.INITIATIVE, cls.COMMITMENT]
        return [cls.PRIORITISED, cls.ONGOING]

    @classmethod
    def order(cls, kind):
        """Reading order within an area: prioritised first, as in the reference file."""
        return list(cls.values).index(kind) if kind in cls.values else len(cls.values)


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågående")
    DONE = "done", _("Genomförd")
    CANCELLED = "cancelled", _("Avbruten")


class Actor(models.TextChoices):
    """Who commits to an initiative in the national list."""

    SKR = "skr", _("SKR och medlemmar")
    STATE = "state", _("Staten")
    CIVIL_SOCIETY = "civil_society", _("Civilsamhället")


class Activity(PlanContent):
    """An activity of the plan (in the national list: an initiative or commitment)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="activities")
    area = models.ForeignKey(
        Area, verbose_name=_("område"), on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(_("typ"), max_length=16, choices=ActivityKind.choices)
    number = models.PositiveSmallIntegerField(_("nummer inom typen"))
    title = models.CharField(_("rubrik"), max_length=500)
    description = models.TextField(_("beskrivning"), blank=True)
    subtasks = models.JSONField(_("deluppgifter"), default=list, blank=True)
    partners = models.JSONField(_("samarbetspartner"), default=list, blank=True)
    target_groups = models.JSONField(_("målgrupper"), default=list, blank=True)
    starts = models.DateField(_("startar"), null=True, blank=True)
    ends = models.DateField(_("slutar"), null=True, blank=True)
    conditional = models.BooleanField(_("villkorad"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    goals = models.ManyToManyField(
        Goal, verbose_name=_("mål som aktiviteten bidrar till"), blank=True, related_name="+"
    )
    # Indicator codes from the analysis app's catalogue (kept as codes: no dependency on it).
    indicator_codes = models.JSONField(_("indikatorer"), default=list, blank=True)
    child_participation = models.TextField(_("barns delaktighet och inflytande"), blank=True)
    actor = models.CharField(_("aktör"), max_length=16, choices=Actor.choices, blank=True)
    # Reported initiatives of earlier years that this activity continues (plan → report →
    # effect over the years).
    continues = models.ManyToManyField(
        "reporting.Initiative",
        verbose_name=_("fortsätter redovisade insatser"),
        blank=True,
        related_name="plan_activities",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "area__order", "area", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "kind", "number"], name="activity_number_unique"
            )
        ]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}: {self.title}"


@receiver(m2m_changed, sender=Activity.continues.through)
@receiver(m2m_changed, sender=Activity.goals.through)
def _goals_frozen(sender, instance, action, **kwargs):
    if action in ("pre_add", "pre_remove", "pre_clear") and isinstance(instance, Activity):
        instance._check_frozen()


class ActivityFund(PlanContent):
    """Funds from one pot of the agreement that an activity uses, in whole kronor."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="funds")
    pot = models.ForeignKey(Pot, verbose_name=_("pott"), on_delete=models.PROTECT)
    amount_sek = models.BigIntegerField(_("belopp (kr)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "pot"], name="activity_fund_unique")
        ]
        verbose_name = _("medel för aktivitet")
        verbose_name_plural = _("medel för aktiviteter")

    def __str__(self):
        return f"{self.pot}: {self.amount_sek if self.amount_sek is not None else '–'} kr"

    def get_plan(self):
        return self.activity.plan


class Decision(PlanContent):
    """A decision of the steering group (or another body) on the plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="decisions")
    decided_on = models.DateField(_("datum"))
    body = models.CharField(_("beslutande organ"), max_length=200, default="Styrgruppen")
    text = models.TextField(_("beslut"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "decided_on", "pk"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self):
        return f"{self.decided_on}: {self.text}"


class OrganisationKind(models.TextChoices):
    USER = "user", _("Brukarorganisation")
    PATIENT = "patient", _("Patientorganisation")
    RELATIVE = "relative", _("Anhörigorganisation")
    UMBRELLA = "umbrella", _("Samarbetsorgan för brukar-, patient- och anhörigorganisationer")


class ParticipationMode(models.TextChoices):
    REVISION = "revision", _("Deltog i revideringen")
    COMMENTED = "commented", _("Lämnade synpunkter i efterhand")


class Participation(PlanContent):
    """How a user, patient or relative organisation took part in the plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="participations")
    organisation = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(
        _("typ av organisation"), max_length=16, choices=OrganisationKind.choices
    )
    mode = models.CharField(_("delaktighet"), max_length=16, choices=ParticipationMode.choices)
    note = models.TextField(_("kommentar"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "organisation"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "organisation"], name="participation_unique")
        ]
        verbose_name = _("brukarmedverkan")
        verbose_name_plural = _("brukarmedverkan")

    def __str__(self):
        return self.organisation


class SteeringMember(PlanContent):
    """A member of the county's steering group for the work, and its role."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="steering_group")
    name = models.CharField(_("ledamot"), max_length=300)
    role = models.CharField(_("roll"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("ledamot i styrgruppen")
        verbose_name_plural = _("styrgruppen")

    def __str__(self):
        return self.name


class PlanComment(models.Model):
    """A comment on a draft, e.g. from a municipal coordinator in the county."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    body = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("skriven"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "created_at", "pk"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
