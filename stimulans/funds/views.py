from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.lib.confirm import confirmation, confirmed
from stimulans.lib.numbers import sek
from stimulans.organisations.models import County, OrganisationKind, PopulationDataset

from .editing import agreement_problems
from .forms import AgreementUploadForm
from .models import Agreement, Allocation, Pot, Requisition
from .periods import agreement_periods
from .services import AgreementFileError, load_agreement_file, preview_allocation
from .tables import EXPORT_FORMATS, AllocationFilter, AllocationTable, export_table
from .tasks import start_allocation

EXPORT_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def agreement_list(request):
    agreements = Agreement.objects.annotate(pots_sek=Sum("parts__pots__amount_sek"))
    form = AgreementUploadForm() if request.user.is_national_admin else None
    return render(request, "funds/agreement_list.html", {"agreements": agreements, "form": form})


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def agreement_upload(request):
    form = AgreementUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read().decode("utf-8-sig")
            agreement = load_agreement_file(text)
        except UnicodeDecodeError:
            form.add_error("file", _("Filen är inte UTF-8."))
        except AgreementFileError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request, _("Överenskommelsen %(year)s är sparad.") % {"year": agreement.year}
            )
            return redirect("funds:agreement_detail", year=agreement.year)
    agreements = Agreement.objects.annotate(pots_sek=Sum("parts__pots__amount_sek"))
    return render(
        request, "funds/agreement_list.html", {"agreements": agreements, "form": form}, status=400
    )


def _population_datasets(agreement):
    years = {pot.key.population_year for part in agreement.parts.all() for pot in part.pots.all()}
    return PopulationDataset.objects.filter(year__in=years)


@login_required
def agreement_detail(request, year):
    agreement = get_object_or_404(Agreement, year=year)
    parts = agreement.parts.prefetch_related("pots__key", "pots__categories")
    allocated = dict(
        Allocation.objects.filter(pot__part__agreement=agreement)
        .values("pot")
        .annotate(total=Sum("amount_sek"))
        .values_list("pot", "total")
    )
    pots_total = sum(p.amount_sek for part in parts for p in part.pots.all())
    return render(
        request,
        "funds/agreement_detail.html",
        {
            "agreement": agreement,
            "parts": parts,
            "allocated": allocated,
            "pots_total": pots_total,
            "datasets": _population_datasets(agreement),
            "problems": agreement_problems(agreement) if request.user.is_national_admin else [],
            "periods": agreement_periods(agreement),
        },
    )


def _allocate_confirmation(request, agreement, preview):
    lines = [
        _(
            "Alla fördelningar för %(year)s räknas om utifrån fördelningsnycklarna och "
            "befolkningsuppgifterna. Det går inte att ångra."
        )
        % {"year": agreement.year},
        _(
            "%(changed)d av %(existing)d fördelningar får ett nytt belopp, %(added)d "
            "tillkommer och %(removed)d tas bort."
        )
        % {
            "changed": preview.changed,
            "existing": preview.existing,
            "added": preview.added,
            "removed": preview.removed,
        },
        ngettext(
            "%(requisitions)d rekvirering på sammanlagt %(amount)s kr är gjord; den ligger "
            "kvar och räknas mot det nya beloppet.",
            "%(requisitions)d rekvireringar på sammanlagt %(amount)s kr är gjorda; de ligger "
            "kvar och räknas mot de nya beloppen.",
            preview.requisitions,
        )
        % {"requisitions": preview.requisitions, "amount": sek(preview.requisitioned_sek)},
        ngettext(
            "%(reports)d redovisning är påbörjad eller inskickad; den ligger kvar.",
            "%(reports)d redovisningar är påbörjade eller inskickade; de ligger kvar.",
            preview.reports,
        )
        % {"reports": preview.reports},
    ]
    warnings = [
        _("%(organisation)s har rekvirerat mer av %(pot)s än det nya beloppet, %(amount)s kr.")
        % {
            "organisation": allocation.organisation.name,
            "pot": allocation.pot,
            "amount": sek(amount),
        }
        for allocation, amount in preview.overdrawn
    ]
    return confirmation(
        request,
        title=_("Räkna om fördelningarna för %(year)s?") % {"year": agreement.year},
        lines=lines,
        warnings=warnings,
        confirm_label=_("Räkna om fördelningarna"),
        cancel_url=reverse("funds:agreement_detail", args=[agreement.year]),
    )


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def agreement_allocate(request, year):
    """Compute (or recompute) every allocation of the agreement; once requisitions or reports
    exist, it shows what will change and asks first."""
    agreement = get_object_or_404(Agreement, year=year)
    if not confirmed(request):
        preview = preview_allocation(agreement)
        if preview.needs_confirmation and not preview.errors:
            return _allocate_confirmation(request, agreement, preview)
    job = start_allocation(request.user, agreement)
    return redirect("jobs:job", pk=job.pk)


@login_required
def pot_allocations(request, year, pot_id):
    pot = get_object_or_404(
        Pot.objects.select_related("part__agreement", "key"), pk=pot_id, part__agreement__year=year
    )
    queryset = pot.allocations.select_related("organisation__county")
    filterset = AllocationFilter(request.GET, queryset=queryset)
    table = AllocationTable(filterset.qs)
    RequestConfig(request, paginate=False).configure(table)
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        name = f"fordelning-{year}-{pot.part.slug}-{pot.recipient_kind}.{export_format}"
        response = HttpResponse(
            export_table(table, export_format), content_type=EXPORT_CONTENT_TYPES[export_format]
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    total = sum(a.amount_sek for a in filterset.qs)
    dataset = PopulationDataset.objects.filter(year=pot.key.population_year).first()
    return render(
        request,
        "funds/pot_allocations.html",
        {"pot": pot, "table": table, "filter": filterset, "total": total, "dataset": dataset},
    )


@login_required
def national_overview(request, year):
    """Totals per part and recipient kind: pot, allocated, requisitioned."""
    agreement = get_object_or_404(Agreement, year=year)
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part")
    allocated = dict(
        Allocation.objects.filter(pot__in=pots)
        .values("pot")
        .annotate(t=Sum("amount_sek"))
        .values_list("pot", "t")
    )
    requested = dict(
        Requisition.objects.filter(allocation__pot__in=pots)
        .values("allocation__pot")
        .annotate(t=Sum("amount_sek"))
        .values_list("allocation__pot", "t")
    )
    kinds = OrganisationKind.choices
    rows = []
    totals = defaultdict(int)
    for part in agreement.parts.all():
        cells = []
        for kind, _label in kinds:
            pot = next((p for p in pots if p.part_id == part.pk and p.recipient_kind == kind), None)
            amount = pot.amount_sek if pot else None
            cells.append(amount)
            if amount:
                totals[kind] += amount
        part_pots = [p for p in pots if p.part_id == part.pk]
        rows.append(
            {
                "part": part,
                "cells": cells,
                "total": sum(p.amount_sek for p in part_pots),
                "allocated": sum(allocated.get(p.pk, 0) for p in part_pots),
                "requested": sum(requested.get(p.pk, 0) for p in part_pots),
            }
        )
    return render(
        request,
        "funds/national_overview.html",
        {
            "agreement": agreement,
            "kinds": kinds,
            "rows": rows,
            "kind_totals": [totals[k] for k, _l in kinds],
            "grand_total": sum(totals.values()),
            "allocated_total": sum(r["allocated"] for r in rows),
            "requested_total": sum(r["requested"] for r in rows),
        },
    )


@login_required
def requisition_overview(request, year):
    """Requested vs allocated per pot and county. National roles see all counties; a county
    coordinator sees their own county; reporters are refused."""
    user = request.user
    agreement = get_object_or_404(Agreement, year=year)
    counties = County.objects.all()
    if user.role == Role.COUNTY_COORDINATOR:
        counties = counties.filter(pk=user.county_id)
    elif not user.reads_everything:
        raise PermissionDenied
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part"))
    alloc = defaultdict(int)
    for pot_id, county_id, total in (
        Allocation.objects.filter(pot__in=pots, organisation__county__in=counties)
        .values("pot", "organisation__county")
        .annotate(t=Sum("amount_sek"))
        .values_list("pot", "organisation__county", "t")
    ):
        alloc[(pot_id, county_id)] = total
    req = defaultdict(int)
    for pot_id, county_id, total in (
        Requisition.objects.filter(
            allocation__pot__in=pots, allocation__organisation__county__in=counties
        )
        .values("allocation__pot", "allocation__organisation__county")
        .annotate(t=Sum("amount_sek"))
        .values_list("allocation__pot", "allocation__organisation__county", "t")
    ):
        req[(pot_id, county_id)] = total
    rows = []
    for county in counties:
        for pot in pots:
            a = alloc[(pot.pk, county.pk)]
            r = req[(pot.pk, county.pk)]
            if a or r:
                rows.append(
                    {
                        "county": county,
                        "pot": pot,
                        "allocated": a,
                        "requested": r,
                        "remaining": a - r,
                    }
                )
    return render(
        request,
        "funds/requisition_overview.html",
        {
            "agreement": agreement,
            "rows": rows,
            "allocated_total": sum(r["allocated"] for r in rows),
            "requested_total": sum(r["requested"] for r in rows),
        },
    )
