"""Reports (redovisningar): one organisation's answers for one pot and year, with the
initiatives (insatser) that link funds used to activities, goals, outputs and effects.

`Initiative` is the one model of an initiative shared by the whole product: the questionnaire's
repeat group maps onto it, imports create it, the analysis aggregates it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stimulans.funds.models import Category, Pot
from stimulans.mail.models import MailStatus
from stimulans.organisations.models import Organisation


class Questionnaire(models.Model):
    """Enkät: the form for one pot (part and recipient kind), authored in XLSForm."""

    pot = models.OneToOneField(Pot, on_delete=models.CASCADE, related_name="questionnaire")
    title = models.CharField(_("titel"), max_length=300)
    xlsform = models.BinaryField(_("XLSForm-fil"))
    xlsform_name = models.CharField(_("filnamn"), max_length=200)
    # pyxform's JSON representation of the form (survey tree with types, bindings, choices).
    definition = models.JSONField(_("definition"))
    uploaded_at = models.DateTimeField(auto_now=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # The crosswalk of questions to last year's form, recorded at upload: {question name: last
    # year's question name it continues, or "" for a new series}. Questions not named here are
    # compared under their own name while their type and choices stay the same.
    crosswalk = models.JSONField(_("koppling till föregående års frågor"), default=dict, blank=True)

    class Meta:
        verbose_name = _("enkät")
        verbose_name_plural = _("enkäter")

    def __str__(self):
        return self.title


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inskickad")
    RETURNED = "returned", _("Återsänd för komplettering")
    APPROVED = "approved", _("Godkänd")


# The statuses of a report that count as reported (done): submitted or approved.
COUNTED = (ReportStatus.SUBMITTED, ReportStatus.APPROVED)
# The statuses in which the organisation may change its report.
EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportQuerySet(models.QuerySet):
    def counted(self):
        """The reports that count as reported: submitted or approved."""
        return self.filter(status__in=COUNTED)

    def to_review(self):
        """The reports waiting for review: submitted, not yet returned or approved."""
        return self.filter(status=ReportStatus.SUBMITTED)

    def visible_to(self, user):
        """The reports `user` may read: those of the organisations it may read
        (`Organisation.objects.visible_to`, the one spelling of that rule)."""
        return self.filter(organisation__in=Organisation.objects.visible_to(user))


# The workbench's key, copied from the initiative's report onto the initiative so that one index
# (`initiative_workbench`) holds the part and the workbench's order: the part's list is read by
# walking it and stopping at a page. `Initiative.save` and `InitiativeQuerySet.bulk_create` fill
# it; `signals.py` follows an organisation's kind or code and a pot's part when they change.
WORKBENCH_KEY = ("part", "organisation_kind", "organisation_code")


def fill_workbench_key(initiatives):
    """Set the workbench key of those of `initiatives` that have none, from their reports (one
    query for all of them)."""
    missing = [i for i in initiatives if i.part_id is None and i.report_id is not None]
    if not missing:
        return
    keys = {
        pk: rest
        for pk, *rest in Report.objects.filter(pk__in={i.report_id for i in missing}).values_list(
            "pk", "pot__part_id", "organisation__kind", "organisation__code"
        )
    }
    for initiative in missing:
        initiative.part_id, initiative.organisation_kind, initiative.organisation_code = keys[
            initiative.report_id
        ]


class InitiativeQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """Django's, with the workbench key filled first (`save` is not called)."""
        objs = list(objs)
        for obj in objs:
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
        fill_workbench_key(objs)
        return super().bulk_create(objs, *args, **kwargs)

    def counted(self):
        """The initiatives of counted reports (submitted or approved; see ReportQuerySet)."""
        return self.filter(report__status__in=COUNTED)

    def with_effective_coding(self):
        """Annotated with the effective values: `eff_category` (the category's id),
        `eff_level`, `eff_measured` (the analyst's coding where it exists, else the reporter's
        answers), `eff_phase` and `eff_within` (the analyst's where recoded: a phase that is
        not blank, a within-agreement that is not null; else the reporter's) and `is_coded`.
        The one place that "the analyst's coding overrides the reporter's" is written; every
        figure, list and filter of the analysis reads these (within the agreement is
        `eff_within=True`). (The coding lives in the analysis app; it is named here only by
        its relation.)"""
        coded = Q(coding__isnull=False)
        return self.annotate(
            eff_category=Case(When(coded, then=F("coding__category")), default=F("category")),
            eff_level=Case(When(coded, then=F("coding__effect_level")), default=F("effect_level")),
            eff_measured=Case(
                When(coded, then=F("coding__effect_measured")),
                default=F("effect_measured"),
                output_field=models.BooleanField(),
            ),
            eff_phase=Case(
                When(coded & ~Q(coding__phase=""), then=F("coding__phase")),
                default=F("phase"),
            ),
            eff_within=Case(
                When(coding__within_agreement__isnull=False, then=F("coding__within_agreement")),
                default=F("within_agreement"),
                output_field=models.BooleanField(),
            ),
            is_coded=Case(When(coded, then=Value(True)), default=Value(False)),
        )


class Report(models.Model):
    """Redovisning: one organisation's report for one pot (and so one part and year)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="reports")
    pot = models.ForeignKey(Pot, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    # Answers to the common core and the part's module, keyed by XLSForm field name.
    # Initiatives (the repeat group) and measures are stored in their own models.
    answers = models.JSONField(_("svar"), default=dict, blank=True)
    funds_received_sek = models.BigIntegerField(_("erhållna medel (kr)"), null=True, blank=True)
    funds_used_sek = models.BigIntegerField(_("använda medel (kr)"), null=True, blank=True)
    funds_carried_over_sek = models.BigIntegerField(
        _("överförda medel från föregående år (kr)"), null=True, blank=True
    )
    funds_explanation = models.TextField(_("förklaring av medelsanvändning"), blank=True)
    return_comment = models.TextField(_("kommentar vid återsändning"), blank=True)
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    approved_at = models.DateTimeField(_("godkänd"), null=True, blank=True)
    # Optimistic locking: every save increments it; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    # Set while the form has autosaves (ReportAutosave) that no full save has applied yet: the
    # version the run of autosaves started from. The form shows the saved answers with those
    # changes; reading views, exports and the analysis use the saved answers.
    autosave_since = models.PositiveIntegerField(null=True, blank=True, editable=False)
    imported = models.BooleanField(_("importerad"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["pot", "organisation__code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "pot"], name="report_unique")
        ]
        verbose_name = _("redovisning")
        verbose_name_plural = _("redovisningar")

    def __str__(self):
        return f"{self.organisation} – {self.pot}"

    @property
    def year(self):
        return self.pot.part.agreement.year

    @property
    def is_counted(self):
        """Submitted or approved: the report counts as reported (see ReportQuerySet.counted)."""
        return self.status in COUNTED

    @property
    def is_editable(self):
        """A draft, or returned for correction: the organisation may change it."""
        return self.status in EDITABLE


class ReportAutosave(models.Model):
    """One autosave of the report form (automatiskt sparat utkast): the inputs that changed
    since the page's previous autosave, as the browser posted them. Append-only: the autosaves
    after `Report.autosave_since` are the draft the form shows until a full save or the
    submission applies them, and all of them together are the history of the typing."""

    # No index of its own: the unique constraint's index (report, version) serves lookups by
    # report, and every autosave is one index update fewer.
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="autosaves", db_index=False
    )
    # The report version this autosave made.
    version = models.PositiveIntegerField()
    # {input name ("f-…", "r-<repeat>-<index>-…"): [values]}; [] for an input now left empty.
    changes = models.JSONField(default=dict)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    saved_at = models.DateTimeField(auto_now_add=True)
    # The token of the page load that made it (services.new_page_token): a save from the same
    # page may follow its own autosaves, a save from any other page (another tab of the same
    # user included) is a conflict.
    page = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        ordering = ["report", "version"]
        constraints = [
            models.UniqueConstraint(fields=["report", "version"], name="report_autosave_unique")
        ]
        verbose_name = _("automatiskt sparat utkast")
        verbose_name_plural = _("automatiskt sparade utkast")


class EffectLevel(models.TextChoices):
    ORGANISATION = "organisation", _("Verksamhetsnivå")
    TARGET_GROUP = "target_group", _("Målgrupp, brukare, patienter")


class Phase(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    IMPLEMENTED = "implemented", _("Genomförd")


class Initiative(models.Model):
    """Insats: one chain of the program-logic model (verksamhetslogik), as the reporter wrote it:
    resources (funds_sek) → activities → goals → outputs → effects."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="initiatives")
    # Identifier unique within the report (imports use the old tool's id).
    identifier = models.CharField(_("id"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    category = models.ForeignKey(
        Category,
        verbose_name=_("insatskategori"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    title = models.CharField(_("rubrik"), max_length=300, blank=True)
    activities = models.TextField(_("aktiviteter"), blank=True)
    goals = models.TextField(_("mål"), blank=True)
    outputs = models.TextField(_("prestationer"), blank=True)
    effects = models.TextField(_("effekter"), blank=True)
    effect_level = models.CharField(
        _("effektnivå"), max_length=16, choices=EffectLevel.choices, blank=True
    )
    effect_measured = models.BooleanField(_("effekten är mätt"), default=False)
    measurement = models.TextField(_("hur effekten mättes"), blank=True)
    funds_sek = models.BigIntegerField(_("använda medel (kr)"), null=True, blank=True)
    phase = models.CharField(_("fas"), max_length=16, choices=Phase.choices, blank=True)
    within_agreement = models.BooleanField(
        _("finansierad av överenskommelsens medel"), default=True
    )
    # The activity of the county's published plan that the initiative carries out (plan →
    # report → effect); chosen in the form from `services.plan_activities`.
    plan_activity = models.ForeignKey(
        "plans.Activity",
        verbose_name=_("aktivitet i handlingsplanen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_out_by",
    )
    # Answers of the questionnaire's repeat group that have no column above, and raw answers
    # that could not be stored in their column (under "_raw"), keyed by XLSForm field name.
    extra = models.JSONField(_("övriga svar"), default=dict, blank=True)
    # The workbench key (WORKBENCH_KEY): the report's part and organisation kind and code, copied
    # here for the index; not the reporter's data, so not in the history. Nullable (always filled)
    # so that SQLite adds the columns in place: remaking the table would drop the search
    # index's triggers on it (analysis.search_index).
    part = models.ForeignKey(
        "funds.AgreementPart",
        null=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    organisation_kind = models.CharField(max_length=16, null=True, editable=False)  # noqa: DJ001
    organisation_code = models.CharField(max_length=4, null=True, editable=False)  # noqa: DJ001
    history = HistoricalRecords(excluded_fields=WORKBENCH_KEY)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "identifier"], name="initiative_unique")
        ]
        indexes = [
            # The workbench's list: a part's initiatives in its order (analysis.search), with
            # the report, so that finding a page and counting the list read only the index.
            models.Index(
                fields=["part", "organisation_kind", "organisation_code", "order", "id", "report"],
                name="initiative_workbench",
            )
        ]
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")

    def __str__(self):
        return self.title or self.identifier

    def save(self, *args, **kwargs):
        fill_workbench_key([self])
        super().save(*args, **kwargs)


class MeasureValue(models.Model):
    """A number reported by an organisation for a year (e.g. BUP access), by measure code from the
    agreement's list (`bup.first_assessment.children`, …). Stored on the report of the pot that
    collects the measure."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(_("mått"), max_length=100)
    value = models.BigIntegerField(_("värde"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "code"], name="measure_value_unique")
        ]
        verbose_name = _("mätvärde")
        verbose_name_plural = _("mätvärden")


class Reminder(models.Model):
    """A reminder sent to an organisation about its report for a pot (påminnelse)."""

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="reminders"
    )
    sent_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recipients = models.TextField(_("mottagare"), blank=True)
    # One outbox row per address: whether each message reached the mail server.
    mails = models.ManyToManyField(
        "mail.OutgoingMail", related_name="reminders", blank=True, verbose_name=_("e-post")
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")

    def mail_counts(self):
        """(messages, sent, failed): from the annotation of `services.report_status_by_pot`
        where it made one, else from the outbox."""
        if hasattr(self, "mails_total"):
            return self.mails_total, self.mails_sent, self.mails_failed
        statuses = [mail.status for mail in self.mails.all()]
        return len(statuses), statuses.count(MailStatus.SENT), statuses.count(MailStatus.FAILED)

    @property
    def failed(self):
        return self.mail_counts()[2] > 0

    def outcome(self):
        """What became of the reminder's messages, in words."""
        total, sent, failed = self.mail_counts()
        if not total:
            # Reminders from before the outbox have no rows; an empty one reached nobody.
            return "" if self.recipients else gettext("ingen mottagare")
        if failed:
            return ngettext(
                "%(failed)d av %(total)d meddelande kunde inte skickas",
                "%(failed)d av %(total)d meddelanden kunde inte skickas",
                total,
            ) % {"failed": failed, "total": total}
        if sent == total:
            return ngettext(
                "skickad till %(count)d adress", "skickad till %(count)d adresser", total
            ) % {"count": total}
        return ngettext(
            "%(count)d meddelande väntar på att skickas",
            "%(count)d meddelanden väntar på att skickas",
            total - sent,
        ) % {"count": total - sent}


def attachment_path(instance, filename):
    return f"redovisning/{instance.report_id}/{filename}"


class ReportAttachment(models.Model):
    """A document attached to a report (bilaga), e.g. the needs analysis or the action plan."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("filnamn"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.name
