"""The analysts' workbench: the initiatives of a part with filters and free-text search, one
initiative with the analyst's coding, and the quality flags of a part or one report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models.functions import Length, Trim
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import can_view_county
from stimulans.funds.models import Agreement, AgreementPart
from stimulans.organisations.models import County
from stimulans.reporting.models import Initiative, Report

from ..flags import flag_summary, quality_flags
from ..forms import CodingForm, WorkbenchFilterForm
from ..models import InitiativeCoding
from ..search import matches, query_stems
from .access import ANALYSTS, county_param


@role_required(*ANALYSTS)
def workbench(request, year, part):
    """The analysts' list of initiatives for a part, with filters and free-text search."""
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    form = WorkbenchFilterForm(request.GET or None, part=part)
    qs = (
        Initiative.objects.counted()
        .filter(report__pot__part=part)
        .with_effective_coding()
        .select_related("report__organisation", "report__pot", "category", "coding__category")
        .order_by("report__organisation__kind", "report__organisation__code", "order", "pk")
    )
    query = ""
    if form.is_valid():
        f = form.cleaned_data
        if f["lan"]:
            qs = qs.filter(report__organisation__county=f["lan"])
        if f["kategori"]:
            qs = qs.filter(eff_category=f["kategori"].pk)
        if f["effektniva"] == "ingen":
            qs = qs.filter(eff_level="")
        elif f["effektniva"]:
            qs = qs.filter(eff_level=f["effektniva"])
        if f["matt"]:
            qs = qs.filter(eff_measured=f["matt"] == "ja")
        if f["effekter"]:
            qs = qs.annotate(eff_len=Length(Trim("effects")))
            qs = qs.filter(eff_len__gt=0) if f["effekter"] == "ja" else qs.filter(eff_len=0)
        if f["fas"]:
            qs = qs.filter(eff_phase="" if f["fas"] == "ingen" else f["fas"])
        if f["medel"]:
            qs = qs.filter(eff_within=f["medel"] == "overenskommelsen")
        query = f["q"].strip()
    if query:
        stems = query_stems(query)
        ids = [
            pk
            for pk, *texts in qs.values_list(
                "pk", "title", "activities", "goals", "outputs", "effects"
            )
            if matches(stems, " ".join(texts))
        ]
    else:
        ids = list(qs.values_list("pk", flat=True))
    page = Paginator(ids, 50).get_page(request.GET.get("sida"))
    objects = {i.pk: i for i in qs.filter(pk__in=list(page.object_list))}
    params = request.GET.copy()
    params.pop("sida", None)
    return render(
        request,
        "analysis/workbench.html",
        {
            "agreement": agreement,
            "part": part,
            "form": form,
            "page": page,
            "initiatives": [objects[pk] for pk in page.object_list if pk in objects],
            "total": len(ids),
            "params": params.urlencode(),
        },
    )


@role_required(*ANALYSTS)
def initiative_detail(request, pk):
    """One initiative as the reporter wrote it, and the analyst's coding (with history)."""
    initiative = get_object_or_404(
        Initiative.objects.select_related(
            "report__organisation", "report__pot__part__agreement", "category"
        ),
        pk=pk,
    )
    coding = InitiativeCoding.objects.filter(initiative=initiative).first()
    if request.method == "POST":
        form = CodingForm(request.POST, instance=coding, initiative=initiative)
        if form.is_valid():
            with transaction.atomic():
                obj = form.save(commit=False)
                obj.initiative = initiative
                obj.coded_by = request.user
                obj._history_user = request.user
                obj.save()
            messages.success(request, _("Kodningen är sparad."))
            return redirect("analysis:initiative_detail", pk=initiative.pk)
        status = 400
    else:
        initial = None
        if coding is None:
            initial = {
                "category": initiative.category_id,
                "effect_level": initiative.effect_level,
                "effect_measured": initiative.effect_measured,
            }
        form = CodingForm(instance=coding, initial=initial, initiative=initiative)
        status = 200
    history = coding.history.select_related("history_user", "category") if coding else []
    return render(
        request,
        "analysis/initiative_detail.html",
        {
            "initiative": initiative,
            "coding": coding,
            "form": form,
            "history": history,
            "part": initiative.report.pot.part,
            "agreement": initiative.report.pot.part.agreement,
        },
        status=status,
    )


@role_required(*ANALYSTS)
def part_flags(request, year, part):
    """Quality flags for every report in a part."""
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    county = county_param(request)
    flags = quality_flags(agreement, part=part, county=county)
    return render(
        request,
        "analysis/flags.html",
        {
            "agreement": agreement,
            "part": part,
            "flags": flags,
            "summary": flag_summary(flags),
            "counties": County.objects.all(),
            "county": county,
        },
    )


@role_required(*ANALYSTS, Role.COUNTY_COORDINATOR)
def report_flags(request, pk):
    """Quality flags for one report: analysts, and the county coordinator of its county."""
    report = get_object_or_404(
        Report.objects.select_related("organisation__county", "pot__part__agreement"), pk=pk
    )
    if not can_view_county(request.user, report.organisation.county):
        raise PermissionDenied
    flags = quality_flags(report.pot.part.agreement, report=report)
    return render(
        request,
        "analysis/flags.html",
        {
            "agreement": report.pot.part.agreement,
            "part": report.pot.part,
            "report": report,
            "flags": flags,
            "summary": flag_summary(flags),
        },
    )
