"""The plan list, creating and importing a plan, and the national overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import require
from stimulans.lib.text import year_param
from stimulans.organisations.models import County

from .. import forms as plan_forms
from ..models import (
    ActionPlan,
    AdoptedBy,
    ParticipationMode,
    PlanScope,
)
from ..permissions import (
    can_manage_scope,
    can_view_national_overview,
)
from ..services import (
    PlanError,
    PlanState,
    create_plan,
    national_overview,
)
from ..yaml_format import PlanImportError
from ..yaml_import import import_plan_text


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
