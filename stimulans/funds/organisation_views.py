"""An organisation's page: its allocations, requisitions and set-asides, and the forms that
requisition funds and set county funds aside. A funds page per organisation; the URLs stay
under /organisationer/ (see `funds/organisation_urls.py`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.models import Role
from stimulans.accounts.permissions import can_act_for_organisation, can_view_organisation
from stimulans.lib.confirm import confirmation, confirmed
from stimulans.lib.numbers import sek
from stimulans.organisations.models import Organisation, OrganisationKind, PopulationDataset

from .forms import RequisitionForm, SetAsideForm
from .models import Allocation, Requisition, SetAside
from .services import RequisitionError, requisition, set_aside


def _organisation_for(request, kind, code):
    org = get_object_or_404(Organisation.objects.select_related("county"), kind=kind, code=code)
    if not can_view_organisation(request.user, org):
        raise PermissionDenied
    return org


def _can_set_aside(user, org):
    return org.kind == OrganisationKind.COUNTY and (
        user.is_national_admin
        or (user.role == Role.COUNTY_COORDINATOR and user.organisation_id == org.pk)
    )


@login_required
def organisation_detail(
    request, kind, code, requisition_form=None, set_aside_form=None, status=200
):
    org = _organisation_for(request, kind, code)
    allocations = (
        Allocation.objects.filter(organisation=org)
        .select_related("pot__part__agreement")
        .prefetch_related(
            Prefetch("requisitions", queryset=Requisition.objects.select_related("requested_by"))
        )
        .order_by("-pot__part__agreement__year", "pot__part__order")
    )
    rows = [
        {"allocation": a, "requested": a.requested_sek, "remaining": a.amount_sek - a.requested_sek}
        for a in allocations
    ]
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": org,
            "rows": rows,
            "can_requisition": can_act_for_organisation(request.user, org),
            "requisition_form": requisition_form or RequisitionForm(),
            "set_asides": SetAside.objects.filter(county=org.county)
            if org.kind == OrganisationKind.COUNTY
            else [],
            "can_set_aside": _can_set_aside(request.user, org),
            "set_aside_form": set_aside_form or SetAsideForm(),
            "population_demo": PopulationDataset.objects.filter(official=False).exists(),
        },
        status=status,
    )


def _requisition_confirmation(request, org, allocation, amount):
    """Requisitioning all that is left of an allocation asks first."""
    pot = allocation.pot
    lines = [
        _(
            "%(organisation)s rekvirerar %(amount)s kr av ”%(pot)s” %(year)s, hela det belopp "
            "som återstår. Därefter finns inget kvar att rekvirera av den fördelningen."
        )
        % {
            "organisation": org.name,
            "amount": sek(amount),
            "pot": pot,
            "year": pot.part.agreement.year,
        },
        _("En registrerad rekvirering kan inte ändras eller tas tillbaka härifrån."),
    ]
    if request.POST.get("note", "").strip():
        lines.append(_("Kommentar: %(note)s") % {"note": request.POST["note"].strip()})
    return confirmation(
        request,
        title=_("Rekvirera hela det återstående beloppet?"),
        lines=lines,
        confirm_label=_("Rekvirera %(amount)s kr") % {"amount": sek(amount)},
        cancel_url=reverse("organisations:detail", args=[org.kind, org.code]),
        keep=["amount_sek", "note"],
    )


@login_required
@require_POST
def requisition_create(request, kind, code, allocation_id):
    org = _organisation_for(request, kind, code)
    if not can_act_for_organisation(request.user, org):
        raise PermissionDenied
    allocation = get_object_or_404(
        Allocation.objects.select_related("pot__part__agreement"),
        pk=allocation_id,
        organisation=org,
    )
    form = RequisitionForm(request.POST)
    if form.is_valid():
        amount = form.cleaned_data["amount_sek"]
        if amount == allocation.amount_sek - allocation.requested_sek and not confirmed(request):
            return _requisition_confirmation(request, org, allocation, amount)
        try:
            requisition(
                allocation, form.cleaned_data["amount_sek"], request.user, form.cleaned_data["note"]
            )
        except RequisitionError as exc:
            form.add_error("amount_sek", str(exc))
        else:
            messages.success(
                request,
                _("Rekvireringen av %(amount)s kr är registrerad.")
                % {"amount": form.cleaned_data["amount_sek"]},
            )
            return redirect("organisations:detail", kind=kind, code=code)
    form.allocation_id = allocation.pk
    return organisation_detail(request, kind, code, requisition_form=form, status=400)


@login_required
@require_POST
def set_aside_create(request, kind, code):
    org = _organisation_for(request, kind, code)
    if not _can_set_aside(request.user, org):
        raise PermissionDenied
    form = SetAsideForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            set_aside(
                org.county,
                d["year"],
                rule=d["rule"],
                percent=d["percent"],
                amount_sek=d["amount_sek"],
                note=d["note"],
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Avsättningen för %(year)s är sparad.") % {"year": d["year"]}
            )
            return redirect("organisations:detail", kind=kind, code=code)
    return organisation_detail(request, kind, code, set_aside_form=form, status=400)
