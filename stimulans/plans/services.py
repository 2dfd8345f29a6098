"""Business rules on action plans: versions, copies, publishing, concurrent edits, the national
overview. No HTTP here; pages, CLI and API call these."""

from collections import Counter
from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from stimulans.organisations.models import County

from .models import (
    ActionPlan,
    Activity,
    ActivityFund,
    Area,
    Decision,
    Goal,
    NeedsAttachment,
    NeedsSection,
    Participation,
    ParticipationMode,
    PlanFrozen,
    PlanScope,
    PlanStatus,
    SteeringMember,
)


class PlanError(ValueError):
    """A rule of plans was broken; the message is Swedish and meant for the user."""


class ConcurrentEdit(PlanError):
    def __init__(self):
        super().__init__(
            _(
                "Planen har ändrats av någon annan sedan du öppnade sidan. "
                "Ladda om sidan och gör ändringen igen."
            )
        )


def plans_of(scope, county):
    return ActionPlan.objects.of(scope, county)


def next_version_number(scope, county):
    """Versions are numbered through the county's (or the national list's) whole history."""
    top = plans_of(scope, county).aggregate(m=Max("version"))["m"]
    return (top or 0) + 1


def latest_published(scope, county, year=None, before=None):
    qs = plans_of(scope, county).published()
    if year is not None:
        qs = qs.filter(year=year)
    if before is not None:
        qs = qs.filter(year__lt=before)
    return qs.order_by("-year", "-version").first()


def previous_version(plan):
    """The version shown beside a plan: the one it was copied from, else the latest earlier
    published version of the same county (or national list)."""
    if plan.based_on_id:
        return plan.based_on
    return (
        plans_of(plan.scope, plan.county)
        .published()
        .filter(version__lt=plan.version)
        .order_by("-version")
        .first()
    )


def _check_no_draft(scope, county, year):
    draft = plans_of(scope, county).filter(year=year, status=PlanStatus.DRAFT).first()
    if draft is not None:
        raise PlanError(
            _("Det finns redan ett utkast för %(year)s (version %(version)s).")
            % {"year": year, "version": draft.version}
        )


@transaction.atomic
def create_plan(scope, county, year, **fields):
    """A new, empty draft."""
    if scope == PlanScope.COUNTY and county is None:
        raise PlanError(_("Ange län för en länsgemensam handlingsplan."))
    if scope == PlanScope.NATIONAL:
        county = None
    _check_no_draft(scope, county, year)
    version = fields.pop("version", None) or next_version_number(scope, county)
    return ActionPlan.objects.create(
        scope=scope, county=county, year=year, version=version, **fields
    )


PLAN_COPY_FIELDS = [
    "title",
    "purpose",
    "overall_goals",
    "previous_documents",
    "requires_child_participation",
    "adopted_by",
    "adopted_on",
    "political_anchor",
    "secretariat",
    "network",
]


def copy_contents(source, target, with_revision=True):
    """Copy every section, area, goal, activity, fund and steering group member of `source`
    into the (empty, draft) plan `target`; with `with_revision` also the decisions and the
    participation of user organisations (which belong to one revision)."""
    for section in source.sections.prefetch_related("attachments"):
        new_section = NeedsSection.objects.create(
            plan=target, order=section.order, title=section.title, body=section.body
        )
        for att in section.attachments.all():
            NeedsAttachment.objects.create(section=new_section, name=att.name, file=att.file.name)
    areas = {}
    # Parents before children: order by depth.
    pending = list(source.areas.all())
    while pending:
        rest = []
        for area in pending:
            if area.parent_id and area.parent_id not in areas:
                rest.append(area)
                continue
            areas[area.pk] = Area.objects.create(
                plan=target,
                parent=areas.get(area.parent_id),
                code=area.code,
                title=area.title,
                order=area.order,
            )
        pending = rest
    goals = {}
    for goal in source.goals.all():
        goals[goal.pk] = Goal.objects.create(
            plan=target,
            area=areas[goal.area_id],
            term=goal.term,
            text=goal.text,
            order=goal.order,
            indicator_code=goal.indicator_code,
            target_percent=goal.target_percent,
        )
    for act in source.activities.prefetch_related("goals", "funds", "continues"):
        new = Activity.objects.create(
            plan=target,
            area=areas[act.area_id],
            kind=act.kind,
            number=act.number,
            title=act.title,
            description=act.description,
            subtasks=list(act.subtasks),
            partners=list(act.partners),
            target_groups=list(act.target_groups),
            starts=act.starts,
            ends=act.ends,
            conditional=act.conditional,
            status=act.status,
            indicator_codes=list(act.indicator_codes),
            child_participation=act.child_participation,
            actor=act.actor,
        )
        new.goals.set([goals[g.pk] for g in act.goals.all()])
        new.continues.set(act.continues.all())
        for fund in act.funds.all():
            ActivityFund.objects.create(activity=new, pot=fund.pot, amount_sek=fund.amount_sek)
    if with_revision:
        for d in source.decisions.all():
            Decision.objects.create(plan=target, decided_on=d.decided_on, body=d.body, text=d.text)
        for p in source.participations.all():
            Participation.objects.create(
                plan=target, organisation=p.organisation, kind=p.kind, mode=p.mode, note=p.note
            )
    for m in source.steering_group.all():
        SteeringMember.objects.create(plan=target, name=m.name, role=m.role, order=m.order)


@transaction.atomic
def start_new_version(source, year=None):
    """A new draft that starts as a copy of `source`: for the same year (a revision) or, with
    `year`, for another year (next year's plan starts as a copy of the last one).

    The decisions, the adoption and the participation of user organisations belong to the
    version that was revised and decided; the copy starts without them."""
    year = year or source.year
    _check_no_draft(source.scope, source.county, year)
    fields = {f: getattr(source, f) for f in PLAN_COPY_FIELDS}
    fields.update(adopted_by="", adopted_on=None)
    plan = ActionPlan.objects.create(
        scope=source.scope,
        county=source.county,
        year=year,
        version=next_version_number(source.scope, source.county),
        based_on=source,
        **fields,
    )
    copy_contents(source, plan, with_revision=False)
    return plan


def copy_to_next_year(source):
    return start_new_version(source, year=source.year + 1)


@contextmanager
def plan_change(plan, expected_lock_version=None):
    """Wrap every change to a plan or its contents: atomic, refused on a published version, and
    refused when someone else changed the plan since `expected_lock_version` was read.

        with plan_change(plan, form.cleaned_data["lock_version"]):
            section.save()
    """
    with transaction.atomic():
        current = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if current.is_published:
            raise PlanError(_("Planen är publicerad och kan inte ändras."))
        if expected_lock_version is not None and current.lock_version != expected_lock_version:
            raise ConcurrentEdit()
        try:
            yield current
        except PlanFrozen as exc:
            raise PlanError(_("Planen är publicerad och kan inte ändras.")) from exc
        ActionPlan.objects.filter(pk=plan.pk).update(
            lock_version=F("lock_version") + 1, updated_at=timezone.now()
        )
    plan.refresh_from_db(fields=["lock_version", "updated_at"])


def save_plan_fields(plan, expected_lock_version, **fields):
    """Change fields of the plan itself (purpose, adoption, organisation, …)."""
    with plan_change(plan, expected_lock_version) as current:
        for name, value in fields.items():
            setattr(current, name, value)
        current.save()
    plan.refresh_from_db()
    return plan


def publish(plan, user, expected_lock_version=None):
    """Freeze the draft as a published version."""
    with plan_change(plan, expected_lock_version) as current:
        if not current.areas.exists() and not current.sections.exists():
            raise PlanError(_("En tom plan kan inte publiceras."))
        current.status = PlanStatus.PUBLISHED
        current.published_at = timezone.now()
        current.published_by = user if user and user.is_authenticated else None
        current.save()
    plan.refresh_from_db()
    return plan


# -- The national overview ---------------------------------------------------------------------


class PlanState:
    CURRENT = "current"
    OLDER = "older"
    NONE = "none"


def participation_summary(plan):
    """`revision` if a user/patient/relative organisation took part in the revision,
    `commented` if they only commented afterwards, "" if none is recorded."""
    modes = {p.mode for p in plan.participations.all()}
    if ParticipationMode.REVISION in modes:
        return ParticipationMode.REVISION
    if ParticipationMode.COMMENTED in modes:
        return ParticipationMode.COMMENTED
    return ""


def activities_per_area(plan):
    """[(top-level area, number of activities in it and its sub-areas)] in the plan's order."""
    areas = list(plan.areas.all())
    by_id = {a.pk: a for a in areas}

    def top(area):
        while area.parent_id:
            area = by_id[area.parent_id]
        return area

    counts = Counter(top(by_id[a.area_id]).pk for a in plan.activities.all())
    return [(a, counts.get(a.pk, 0)) for a in areas if a.parent_id is None]


def national_overview(year):
    """For each of the 21 counties: whether it has a published plan for `year` (current), only
    an older one, or none; how that plan was adopted; how user organisations took part; and its
    activities per area. Returns (rows, counts)."""
    published = (
        ActionPlan.objects.published()
        .filter(scope=PlanScope.COUNTY, year__lte=year)
        .select_related("county")
        .prefetch_related("participations", "areas", "activities")
        .order_by("county__code", "-year", "-version")
    )
    latest = {}
    for plan in published:
        latest.setdefault(plan.county_id, plan)
    rows = []
    counts = Counter()
    for county in County.objects.order_by("code"):
        plan = latest.get(county.pk)
        if plan is None:
            state = PlanState.NONE
        elif plan.year == year:
            state = PlanState.CURRENT
        else:
            state = PlanState.OLDER
        counts[state] += 1
        row = {"county": county, "plan": plan, "state": state}
        if plan is not None:
            row["adopted_by"] = plan.adopted_by
            row["participation"] = participation_summary(plan)
            row["areas"] = activities_per_area(plan)
            row["activities"] = sum(n for _a, n in row["areas"])
            counts["adopted_by:" + (plan.adopted_by or "unknown")] += 1
            counts["participation:" + (row["participation"] or "none")] += 1
        rows.append(row)
    return rows, counts


# -- History -----------------------------------------------------------------------------------

HISTORY_TYPES = {"+": "added", "~": "changed", "-": "removed"}


def _describe(record):
    try:
        return str(record.history_object)
    except ObjectDoesNotExist:  # e.g. an area whose parent was removed since
        return ""


def recent_changes(plan, limit=20):
    """The latest recorded changes to the plan and its contents (django-simple-history):
    [{"date", "user", "change" (added/changed/removed), "what" (verbose name), "item"}]."""
    sources = [ActionPlan.history.filter(id=plan.pk)]
    for model in (NeedsSection, Area, Goal, Activity, Decision, Participation, SteeringMember):
        sources.append(model.history.filter(plan_id=plan.pk))
    sources.append(NeedsAttachment.history.filter(section__plan_id=plan.pk))
    sources.append(ActivityFund.history.filter(activity__plan_id=plan.pk))
    records = []
    for qs in sources:
        records += list(qs.select_related("history_user").order_by("-history_date")[:limit])
    records.sort(key=lambda r: r.history_date, reverse=True)
    return [
        {
            "date": r.history_date,
            "user": r.history_user,
            "change": HISTORY_TYPES.get(r.history_type, ""),
            "what": r.instance_type._meta.verbose_name,
            "item": _describe(r),
        }
        for r in records[:limit]
    ]
