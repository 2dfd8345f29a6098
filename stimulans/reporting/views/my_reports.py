"""The reporter's pots of the year with their reports, and opening a report."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from stimulans.accounts.permissions import can_act_for_organisation, require
from stimulans.funds.models import Agreement, Pot
from stimulans.lib.text import year_param

from .. import services
from .common import latest_year


@login_required
def my_reports(request):
    """The reporter's pots of the year with their reports; national roles go to completeness,
    coordinators see their own organisation's reports and a link to the county overview."""
    user = request.user
    year = year_param(request.GET.get("ar")) or latest_year()
    if user.organisation is None:
        return redirect("reporting:completeness", year=year)
    org = user.organisation
    rows = services.organisation_reports(org, year)
    agreement = Agreement.objects.filter(year=year).first()
    return render(
        request,
        "reporting/my_reports.html",
        {
            "organisation": org,
            "rows": rows,
            "year": year,
            "agreement": agreement,
            "can_act": can_act_for_organisation(user, org),
            "years": Agreement.objects.values_list("year", flat=True),
        },
    )


@login_required
@require_POST
def open_report(request, pot_id):
    """Create (or find) the user's organisation's report for the pot and go to its form."""
    pot = get_object_or_404(Pot, pk=pot_id)
    org = request.user.organisation
    require(org is not None and can_act_for_organisation(request.user, org))
    if org.kind != pot.recipient_kind:
        raise PermissionDenied
    report, _created = services.get_or_create_report(org, pot, request.user)
    return redirect("reporting:edit", report_id=report.pk)
