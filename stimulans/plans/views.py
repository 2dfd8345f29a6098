from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import require
from stimulans.core.confirm import confirmation, confirmed
from stimulans.core.text import is_digits, year_param
from stimulans.organisations.models import County

from . import forms as plan_forms
from .diff import diff_plans
from .docx_export import build_docx
from .models import (
    ActionPlan,
    Activity,
    ActivityFund,
    ActivityKind,
    AdoptedBy,
    Area,
    Decision,
    Goal,
    NeedsAttachment,
    NeedsSection,
    Participation,
    ParticipationMode,
    PlanComment,
    PlanScope,
    SteeringMember,
)
from .permissions import (
    can_comment_plan,
    can_edit_plan,
    can_manage_scope,
    can_publish_plan,
    can_start_version,
    can_view_national_overview,
    can_view_plan,
)
from .services import (
    ConcurrentEdit,
    PlanError,
    PlanState,
    create_plan,
    national_overview,
    plan_change,
    previous_version,
    publish,
    recent_changes,
    save_plan_fields,
    start_new_version,
)
from .yaml_export import export_yaml
from .yaml_format import PlanImportError
from .yaml_import import import_plan_text


def _plan_for(request, pk):
    plan = get_object_or_404(ActionPlan.objects.select_related("county", "based_on"), pk=pk)
    require(can_view_plan(request.user, plan))
    return plan


def _plan_contents(plan):
    """Areas in reading order (parents before their sub-areas) with their goals and
    activities, for the templates."""
    areas = list(plan.areas.all())
    goals = list(plan.goals.all())
    activities = list(
        plan.activities.prefetch_related("goals", "funds__pot__part__agreement").order_by(
            "kind", "number"
        )
    )
    children = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    out = []

    def add(area, depth):
        acts = [a for a in activities if a.area_id == area.pk]
        acts.sort(key=lambda a: (ActivityKind.order(a.kind), a.number))
        out.append(
            {
                "area": area,
                "depth": depth,
                "long_goals": [g for g in goals if g.area_id == area.pk and g.term == "long"],
                "short_goals": [g for g in goals if g.area_id == area.pk and g.term == "short"],
                "activities": acts,
            }
        )
        for child in children.get(area.pk, []):
            add(child, depth + 1)

    for top in children.get(None, []):
        add(top, 0)
    return out


def _column(plan):
    return {
        "plan": plan,
        "areas": _plan_contents(plan),
        "sections": plan.sections.prefetch_related("attachments"),
        "decisions": plan.decisions.all(),
        "participations": plan.participations.all(),
        "steering_group": plan.steering_group.all(),
    }


# -- Lists and overview ------------------------------------------------------------------------


@login_required
def plan_list(request):
    plans = ActionPlan.objects.visible_to(request.user).select_related("county")
    county = request.GET.get("lan") or ""
    year = request.GET.get("ar") or ""
    scope = request.GET.get("typ") or ""
    if county:
        plans = plans.filter(county__code=county)
    if year_param(year):
        plans = plans.filter(year=year_param(year))
    if scope in PlanScope.values:
        plans = plans.filter(scope=scope)
    user = request.user
    can_create = user.is_national_admin or user.role == Role.COUNTY_COORDINATOR
    return render(
        request,
        "plans/plan_list.html",
        {
            "plans": plans.order_by("scope", "county__code", "-year", "-version"),
            "counties": County.objects.all(),
            "selected": {"lan": county, "ar": year, "typ": scope},
            "scopes": PlanScope.choices,
            "create_form": plan_forms.PlanCreateForm(
                user=user, initial={"year": timezone.localdate().year}
            )
            if can_create
            else None,
            "can_import": can_create,
            "can_overview": can_view_national_overview(user),
        },
    )


@login_required
@require_POST
def plan_create(request):
    form = plan_forms.PlanCreateForm(request.POST, user=request.user)
    if not (request.user.is_national_admin or request.user.role == Role.COUNTY_COORDINATOR):
        raise PermissionDenied
    if form.is_valid():
        d = form.cleaned_data
        county = d["county"] if d["scope"] == PlanScope.COUNTY else None
        require(can_manage_scope(request.user, d["scope"], county.pk if county else None))
        try:
            plan = create_plan(d["scope"], county, d["year"])
        except PlanError as exc:
            messages.error(request, str(exc))
            return redirect("plans:plan_list")
        messages.success(request, _("Ett nytt utkast är skapat."))
        return redirect("plans:plan_detail", pk=plan.pk)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("plans:plan_list")


@login_required
def national_overview_view(request, year=None):
    require(can_view_national_overview(request.user))
    if year is None:
        year = year_param(request.GET.get("ar"))
    if year is None:
        latest = (
            ActionPlan.objects.published().filter(scope=PlanScope.COUNTY).order_by("-year").first()
        )
        year = latest.year if latest else timezone.localdate().year
    rows, counts = national_overview(year)
    adoption = [(label, counts["adopted_by:" + value]) for value, label in AdoptedBy.choices]
    adoption.append((_("Uppgift saknas"), counts["adopted_by:unknown"]))
    participation = [
        (label, counts["participation:" + value]) for value, label in ParticipationMode.choices
    ]
    participation.append((_("Ingen medverkan registrerad"), counts["participation:none"]))
    return render(
        request,
        "plans/national_overview.html",
        {
            "year": year,
            "rows": rows,
            "states": {
                PlanState.CURRENT: counts[PlanState.CURRENT],
                PlanState.OLDER: counts[PlanState.OLDER],
                PlanState.NONE: counts[PlanState.NONE],
            },
            "adoption": adoption,
            "participation": participation,
            "adopted_labels": dict(AdoptedBy.choices),
            "participation_labels": dict(ParticipationMode.choices),
            "national": ActionPlan.objects.published().filter(scope=PlanScope.NATIONAL).first(),
        },
    )


# -- One plan ----------------------------------------------------------------------------------


@login_required
def plan_detail(request, pk):
    plan = _plan_for(request, pk)
    user = request.user
    previous = previous_version(plan)
    if previous is not None and not can_view_plan(user, previous):
        previous = None
    versions = (
        ActionPlan.objects.visible_to(user)
        .select_related("county")
        .of(plan.scope, plan.county)
        .exclude(pk=pk)
    )
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "current": _column(plan),
            "previous": _column(previous) if previous else None,
            "versions": versions.order_by("-year", "-version"),
            "comments": plan.comments.select_related("author__organisation"),
            "changes": recent_changes(plan) if plan.is_draft else [],
            "can_edit": can_edit_plan(user, plan),
            "can_publish": can_publish_plan(user, plan),
            "can_comment": can_comment_plan(user, plan),
            "can_start_version": can_start_version(user, plan) and plan.is_published,
            "comment_form": plan_forms.CommentForm(),
            "publish_form": plan_forms.PublishForm(initial={"lock_version": plan.lock_version}),
            "next_year": plan.year + 1,
        },
    )


@login_required
def plan_edit(request, pk):
    plan = _plan_for(request, pk)
    require(can_edit_plan(request.user, plan))
    status = 200
    if request.method == "POST":
        form = plan_forms.PlanForm(request.POST, instance=plan, plan=plan)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
            try:
                save_plan_fields(plan, form.cleaned_data["lock_version"], **fields)
            except PlanError as exc:
                form.add_error(None, str(exc))
                status = 409 if isinstance(exc, ConcurrentEdit) else 400
            else:
                messages.success(request, _("Planen är sparad."))
                return redirect("plans:plan_detail", pk=plan.pk)
        else:
            status = 400
    else:
        form = plan_forms.PlanForm(instance=plan, plan=plan)
    return render(
        request,
        "plans/item_form.html",
        {"plan": plan, "form": form, "heading": _("Planens uppgifter")},
        status=status,
    )


@dataclass
class ItemKind:
    model: type
    form: type
    label: str
    plan_lookup: str = "plan"


ITEM_KINDS = {
    "nulage": ItemKind(NeedsSection, plan_forms.SectionForm, gettext_lazy("Nulägesanalys")),
    "bilaga": ItemKind(
        NeedsAttachment, plan_forms.AttachmentForm, gettext_lazy("Bilaga"), "section__plan"
    ),
    "omrade": ItemKind(Area, plan_forms.AreaForm, gettext_lazy("Område")),
    "mal": ItemKind(Goal, plan_forms.GoalForm, gettext_lazy("Mål")),
    "aktivitet": ItemKind(Activity, plan_forms.ActivityForm, gettext_lazy("Aktivitet")),
    "medel": ItemKind(
        ActivityFund, plan_forms.FundForm, gettext_lazy("Medel för aktivitet"), "activity__plan"
    ),
    "beslut": ItemKind(Decision, plan_forms.DecisionForm, gettext_lazy("Styrgruppens beslut")),
    "medverkan": ItemKind(
        Participation,
        plan_forms.ParticipationForm,
        gettext_lazy("Brukar-, patient- och anhörigorganisationers medverkan"),
    ),
    "styrgrupp": ItemKind(
        SteeringMember, plan_forms.SteeringMemberForm, gettext_lazy("Ledamot i styrgruppen")
    ),
}


# Where each kind of item is shown on the plan page (ids in _plan_column.html).
ANCHORS = {
    "nulage": "nulage",
    "bilaga": "nulage",
    "omrade": "omrade",
    "mal": "omrade",
    "aktivitet": "omrade",
    "medel": "omrade",
    "beslut": "beslut",
    "medverkan": "medverkan",
    "styrgrupp": "organisation",
}


CASCADE_NOTES = {
    "omrade": gettext_lazy("Områdets underområden, mål och aktiviteter tas också bort."),
    "nulage": gettext_lazy("Avsnittets bilagor tas också bort."),
    "aktivitet": gettext_lazy("Aktivitetens kopplingar till medel tas också bort."),
}


def _item_for(plan, kind, item_id):
    spec = ITEM_KINDS.get(kind)
    if spec is None:
        raise Http404
    item = None
    if item_id is not None:
        item = get_object_or_404(spec.model, pk=item_id, **{spec.plan_lookup: plan})
    return spec, item


@login_required
def item_edit(request, pk, kind, item_id=None):
    """Create or edit one thing in a draft: a needs-analysis section, an attachment, an area,
    a goal, an activity, its funds, a decision, participation, a steering group member."""
    plan = _plan_for(request, pk)
    require(can_edit_plan(request.user, plan))
    spec, item = _item_for(plan, kind, item_id)
    status = 200
    initial = {}
    if item is None and spec.plan_lookup == "plan":
        item = spec.model(plan=plan)
    if item is None or item.pk is None:
        for key in ("area", "activity", "section"):
            if is_digits(request.GET.get(key, "")):
                initial[key] = int(request.GET[key])
    if request.method == "POST":
        form = spec.form(request.POST, request.FILES, instance=item, plan=plan)
        if form.is_valid():
            try:
                with plan_change(plan, form.cleaned_data["lock_version"]):
                    obj = form.save(commit=False)
                    if spec.plan_lookup == "plan":
                        obj.plan = plan
                    obj.save()
                    form.save_m2m()
            except PlanError as exc:
                form.add_error(None, str(exc))
                status = 409 if isinstance(exc, ConcurrentEdit) else 400
            else:
                messages.success(request, _("%(what)s är sparad.") % {"what": spec.label})
                anchor = ANCHORS.get(kind, "")
                return redirect(reverse("plans:plan_detail", args=[plan.pk]) + f"#{anchor}")
        else:
            status = 400
    else:
        form = spec.form(instance=item, plan=plan, initial=initial)
    return render(
        request,
        "plans/item_form.html",
        {
            "plan": plan,
            "form": form,
            "heading": spec.label,
            "item": item if item is not None and item.pk else None,
            "kind": kind,
            "multipart": kind == "bilaga",
        },
        status=status,
    )


@login_required
def item_delete(request, pk, kind, item_id):
    plan = _plan_for(request, pk)
    require(can_edit_plan(request.user, plan))
    spec, item = _item_for(plan, kind, item_id)
    status = 200
    form = plan_forms.PublishForm(initial={"lock_version": plan.lock_version})
    if request.method == "POST":
        form = plan_forms.PublishForm(request.POST)
        if form.is_valid():
            try:
                with plan_change(plan, form.cleaned_data["lock_version"]):
                    item.delete()
            except PlanError as exc:
                messages.error(request, str(exc))
                status = 409
            else:
                messages.success(request, _("%(what)s är borttagen.") % {"what": spec.label})
                return redirect("plans:plan_detail", pk=plan.pk)
        else:
            status = 400
    return render(
        request,
        "plans/item_delete.html",
        {
            "plan": plan,
            "item": item,
            "label": spec.label,
            "form": form,
            "cascade": CASCADE_NOTES.get(kind, ""),
        },
        status=status,
    )


def _publish_confirmation(request, plan):
    lines = [
        _("%(plan)s publiceras och blir synlig för alla inloggade användare.") % {"plan": plan},
        _(
            "En publicerad version är låst: den kan inte ändras eller tas bort. Senare ändringar "
            "görs i en ny version."
        ),
        _("Planen har %(areas)d områden och %(activities)d aktiviteter.")
        % {"areas": plan.areas.count(), "activities": plan.activities.count()},
    ]
    previous = previous_version(plan)
    if previous is not None:
        lines.append(
            _("Jämfört med version %(version)s finns %(changes)d ändringar.")
            % {"version": previous.version, "changes": len(diff_plans(previous, plan))}
        )
    return confirmation(
        request,
        title=_("Publicera version %(version)s?") % {"version": plan.version},
        lines=lines,
        confirm_label=_("Publicera version %(version)s") % {"version": plan.version},
        cancel_url=reverse("plans:plan_detail", args=[plan.pk]),
        keep=["lock_version"],
    )


@login_required
@require_POST
def plan_publish(request, pk):
    plan = _plan_for(request, pk)
    require(can_publish_plan(request.user, plan))
    form = plan_forms.PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Sidan var inaktuell; ladda om och försök igen."))
        return redirect("plans:plan_detail", pk=plan.pk)
    if not confirmed(request):
        return _publish_confirmation(request, plan)
    try:
        publish(plan, request.user, form.cleaned_data["lock_version"])
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Version %(version)s är publicerad.") % {"version": plan.version}
        )
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_new_version(request, pk):
    """Start a new draft from a published version: a revision of the same year, or next
    year's plan."""
    plan = _plan_for(request, pk)
    require(can_start_version(request.user, plan))
    if not plan.is_published:
        messages.error(request, _("Ett utkast kan inte kopieras; publicera det först."))
        return redirect("plans:plan_detail", pk=plan.pk)
    year = plan.year + 1 if request.POST.get("next_year") else plan.year
    try:
        new = start_new_version(plan, year=year)
    except PlanError as exc:
        messages.error(request, str(exc))
        return redirect("plans:plan_detail", pk=plan.pk)
    messages.success(
        request,
        _("Version %(version)s för %(year)s är skapad som utkast.")
        % {"version": new.version, "year": new.year},
    )
    return redirect("plans:plan_detail", pk=new.pk)


@login_required
@require_POST
def plan_comment(request, pk):
    plan = _plan_for(request, pk)
    require(can_comment_plan(request.user, plan))
    form = plan_forms.CommentForm(request.POST)
    if form.is_valid():
        PlanComment.objects.create(plan=plan, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Din kommentar är sparad."))
    else:
        messages.error(request, _("Skriv en kommentar (högst 5 000 tecken)."))
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#kommentarer")


@login_required
def plan_diff(request, pk):
    plan = _plan_for(request, pk)
    versions = (
        ActionPlan.objects.visible_to(request.user)
        .select_related("county")
        .of(plan.scope, plan.county)
        .exclude(pk=plan.pk)
        .order_by("-year", "-version")
    )
    other_id = request.GET.get("med", "")
    if is_digits(other_id):
        other = get_object_or_404(
            ActionPlan, pk=int(other_id), scope=plan.scope, county=plan.county
        )
        require(can_view_plan(request.user, other))
    else:
        other = previous_version(plan)
        if other is not None and not can_view_plan(request.user, other):
            other = None
    if other is not None and (other.year, other.version) > (plan.year, plan.version):
        old, new = plan, other
    else:
        old, new = other, plan
    changes = diff_plans(old, new) if old is not None else None
    return render(
        request,
        "plans/plan_diff.html",
        {"plan": plan, "old": old, "new": new, "changes": changes, "versions": versions},
    )


def _export_name(plan, ext):
    who = plan.county.code if plan.county_id else "nationell"
    return f"handlingsplan-{who}-{plan.year}-v{plan.version}.{ext}"


@login_required
def plan_export(request, pk, fmt):
    plan = _plan_for(request, pk)
    if fmt == "yaml":
        response = HttpResponse(export_yaml(plan), content_type="application/yaml; charset=utf-8")
    elif fmt == "docx":
        response = HttpResponse(
            build_docx(plan),
            content_type=(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{_export_name(plan, fmt)}"'
    return response


@login_required
def attachment_download(request, pk, attachment_id):
    plan = _plan_for(request, pk)
    attachment = get_object_or_404(NeedsAttachment, pk=attachment_id, section__plan=plan)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=attachment.file.name.split("/")[-1])


class _Refused(Exception):
    pass


@role_required(Role.COUNTY_COORDINATOR, Role.NATIONAL_ADMIN)
def plan_import(request):
    form = plan_forms.PlanImportForm()
    errors = []
    status = 200
    if request.method == "POST":
        form = plan_forms.PlanImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                text = form.cleaned_data["file"].read().decode("utf-8-sig")
                with transaction.atomic():
                    plan = import_plan_text(text)
                    if not can_manage_scope(request.user, plan.scope, plan.county_id):
                        raise _Refused
            except UnicodeDecodeError:
                errors = [_("Filen är inte UTF-8.")]
            except PlanImportError as exc:
                errors = exc.errors
            except _Refused:
                errors = [_("Du får bara importera planer för ditt eget län.")]
                status = 403
            else:
                messages.success(
                    request,
                    _("%(plan)s är importerad som utkast.") % {"plan": plan},
                )
                return redirect("plans:plan_detail", pk=plan.pk)
        status = status if status != 200 else 400
    return render(
        request, "plans/plan_import.html", {"form": form, "errors": errors}, status=status
    )
