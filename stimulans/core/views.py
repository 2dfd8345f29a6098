from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render

from stimulans.accounts.permissions import can_act_for_organisation
from stimulans.funds.models import Agreement, Allocation, Pot
from stimulans.plans.models import ActionPlan
from stimulans.reporting.models import Report
from stimulans.reporting.services import days_left_text, organisation_reports, status_summary


def healthz(request):
    """A minimal view (no database, no template): a health check and the load test's baseline."""
    return HttpResponse("ok", content_type="text/plain")


def home(request):
    """The start page: for each role, where the year's work stands and what to do next."""
    user = request.user
    context = {"agreements": Agreement.objects.all()[:5]}
    if not user.is_authenticated:
        return render(request, "core/home.html", context)
    agreement = Agreement.objects.order_by("-year").first()
    context["agreement"] = agreement
    if agreement is None:
        return render(request, "core/home.html", context)
    year_reports = Report.objects.filter(pot__part__agreement=agreement)
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part__agreement")
    org = user.organisation
    if org is not None:
        # What the organisation has to report this year, with each report's status.
        rows = organisation_reports(org, agreement.year)
        context["own_rows"] = rows
        context["own_left"] = sum(1 for row in rows if not row["done"])
        context["own_can_act"] = can_act_for_organisation(user, org)
        context["days_left"] = days_left_text(agreement.reporting_deadline)
        context["own_allocated"] = Allocation.objects.filter(
            organisation=org, pot__part__agreement=agreement
        ).aggregate(t=Sum("amount_sek"))["t"]
        context["own_plan"] = ActionPlan.objects.current_for(user, org.county)
    if user.is_county_coordinator and org is not None:
        county_reports = year_reports.filter(organisation__county_id=org.county_id)
        # Every expected report, the ones not started too.
        context["county_counts"] = status_summary(pots, org.county)
        context["county_to_read"] = county_reports.to_review().count()
    if user.reads_everything:
        context["national_counts"] = status_summary(pots)
    return render(request, "core/home.html", context)
