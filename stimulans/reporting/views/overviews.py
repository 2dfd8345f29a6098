"""The county overview, national completeness per pot and county, and reminders."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import can_view_county, require
from stimulans.funds.models import Agreement, Pot
from stimulans.lib.text import is_digits
from stimulans.organisations.models import County

from .. import services
from ..forms import LATE, CompletenessFilterForm, CountyOverviewFilterForm, status_matches
from ..tasks import start_reminders


@login_required
def county_overview(request, year, county_code=None):
    """Every report in one county with its status, in one table filtered by part and status:
    county coordinators see their own county, national administrators and analysts any
    county."""
    user = request.user
    if county_code is None:
        if user.is_county_coordinator and user.county_id:
            county_code = user.organisation.county.code
        elif user.reads_everything:
            return redirect("reporting:completeness", year=year)
        else:
            raise PermissionDenied
    county = get_object_or_404(County, code=county_code)
    require(can_view_county(user, county))
    agreement = get_object_or_404(Agreement, year=year)
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part__agreement"))
    status = services.report_status_by_pot(pots, county)
    every = [{**row, "pot": pot} for pot in pots for row in status[pot.pk]]
    form = CountyOverviewFilterForm(request.GET, agreement)
    rows, http_status = [], 200
    if form.is_valid():
        part, wanted = form.cleaned_data["del"], form.cleaned_data["status"]
        rows = [
            row
            for row in every
            if (part is None or row["pot"].part_id == part.pk) and status_matches(row, wanted)
        ]
    else:
        http_status = 400
    return render(
        request,
        "reporting/county_overview.html",
        {
            "county": county,
            "agreement": agreement,
            "form": form,
            "rows": rows,
            "expected": len(every),
            "done": sum(1 for row in every if row["done"]),
            "counties": County.objects.all() if user.reads_everything else None,
        },
        status=http_status,
    )


@login_required
def completeness(request, year):
    """National completeness: per pot and county, how many have submitted and how many are
    late, and the late reports (or those of another status) with their last reminder,
    filtered by county. National administrators and analysts."""
    user = request.user
    require(user.reads_everything)
    agreement = get_object_or_404(Agreement, year=year)
    data = request.GET.copy()
    data.setdefault("status", LATE)
    form = CompletenessFilterForm(data)
    valid = form.is_valid()
    county = form.cleaned_data["lan"] if valid else None
    counties = [county] if county else list(County.objects.all())
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part__agreement"))
    status = services.report_status_by_pot(pots, county)
    table = []
    for pot in pots:
        rows = status[pot.pk]
        by_county = defaultdict(lambda: {"expected": 0, "done": 0, "late": 0})
        for row in rows:
            cell = by_county[row["organisation"].county_id]
            cell["expected"] += 1
            cell["done"] += row["done"]
            cell["late"] += row["late"] and not row["done"]
        table.append(
            {
                "pot": pot,
                "expected": len(rows),
                "done": sum(1 for r in rows if r["done"]),
                "late": sum(1 for r in rows if r["late"] and not r["done"]),
                "counties": [by_county.get(c.pk) for c in counties],
            }
        )
    listed = []
    if valid:
        wanted = form.cleaned_data["status"]
        listed = [
            {**row, "pot": pot}
            for pot in pots
            for row in status[pot.pk]
            if status_matches(row, wanted)
        ]
    return render(
        request,
        "reporting/completeness.html",
        {
            "agreement": agreement,
            "form": form,
            "table": table,
            "county_rows": [
                (county, [row["counties"][i] for row in table]) for i, county in enumerate(counties)
            ],
            "listed": listed,
        },
        status=200 if valid else 400,
    )


@login_required
def pot_completeness(request, year, pot_id):
    """One pot: every expected organisation with its status, lateness and last reminder (and
    what became of it); the national administrator sees who each reminder would go to, and
    sends reminders from here."""
    require(request.user.reads_everything)
    pot = get_object_or_404(
        Pot.objects.select_related("part__agreement"), pk=pot_id, part__agreement__year=year
    )
    rows = services.report_status_rows(pot)
    county = request.GET.get("lan")
    if county:
        rows = [r for r in rows if r["organisation"].county.code == county]
    missing = [r for r in rows if not r["done"]]
    if request.user.is_national_admin:
        recipients = services.reminder_recipients(r["organisation"] for r in missing)
        for r in missing:
            r["recipients"] = recipients[r["organisation"].pk]
    return render(
        request,
        "reporting/pot_completeness.html",
        {
            "pot": pot,
            "rows": rows,
            "missing": missing,
            "reachable": [r for r in missing if r.get("recipients")],
            "county": county,
            "deadline": services.deadline_for(pot),
        },
    )


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def send_reminders(request, year, pot_id):
    """Start the round of reminders as a background job; its page tells how it went."""
    pot = get_object_or_404(Pot, pk=pot_id, part__agreement__year=year)
    ids = [int(i) for i in request.POST.getlist("organisation") if is_digits(i)]
    if not ids:
        messages.info(request, _("Ingen påminnelse skickades: välj organisationer som saknas."))
        return redirect("reporting:pot_completeness", year=year, pot_id=pot.pk)
    link = request.build_absolute_uri(reverse("reporting:my_reports"))
    job = start_reminders(request.user, pot, ids, link)
    return redirect("jobs:job", pk=job.pk)
