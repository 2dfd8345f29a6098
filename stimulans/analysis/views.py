"""Analysis pages: the status report per year and per county, part analyses, indicators, the
analysts' workbench with recoding and quality flags, downloads and the read-only JSON API.

Who may see what (the rule is `permissions.analysis_scope`, used by every page and endpoint):
- analysts and national administrators: everything, and they recode and publish;
- a published year: every county's figures, for everyone;
- county coordinators, before publication: the national totals and their own county's figures;
- everyone else (reporters, anonymous): the public pages and JSON of published years only.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models.functions import Length, Trim
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import can_view_county
from stimulans.funds.models import Agreement, AgreementPart
from stimulans.organisations.models import County
from stimulans.reporting.models import Initiative, Report

from . import charts, documents
from .aggregation import aggregate_json, aggregate_part, compare_pots, flowchart
from .coding import with_effective_coding
from .coverage import coverage
from .effects import effects_by_category
from .flags import flag_summary, quality_flags
from .forms import CodingForm, WorkbenchFilterForm
from .indicators import compute_indicators
from .lookups import COUNTED_STATUSES
from .models import Indicator, InitiativeCoding, StatusReport
from .permissions import analysis_scope
from .search import matches, query_stems
from .year_analysis import analyse_year

ANALYSTS = (Role.ANALYST, Role.NATIONAL_ADMIN)


# --- Access ----------------------------------------------------------------------------------


def _published(agreement):
    return StatusReport.objects.filter(agreement=agreement, published=True).exists()


def _reads_aggregates(user):
    return user.is_authenticated and (user.reads_everything or user.is_county_coordinator)


def _refuse(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def _scope_or_refuse(request, agreement, county=None):
    """(scope, None) if the user may read the year's figures for `county` (None: the whole
    country), else (None, a refusal response)."""
    scope = analysis_scope(request.user, agreement)
    if scope is None or not scope.allows(county):
        return None, _refuse(request)
    return scope, None


def _published_flag(agreement):
    try:
        return agreement.status_report.published
    except StatusReport.DoesNotExist:
        return False


def _county_param(request):
    code = request.GET.get("lan") or None
    if code and not County.objects.filter(code=code).exists():
        raise Http404
    return code


# --- Pages -----------------------------------------------------------------------------------


def index(request):
    agreements = Agreement.objects.select_related("status_report").order_by("-year")
    if not _reads_aggregates(request.user):
        agreements = agreements.filter(status_report__published=True)
    return render(request, "analysis/index.html", {"agreements": agreements})


def _part_context(result, effects, county=None):
    pots = []
    for pot in result["pots"]:
        funds_chart = charts.bar_chart_svg(
            [(c["title"], c["funds_sek"]) for c in pot["categories"]],
            fmt=lambda v: "–" if v is None else f"{v:,} kr".replace(",", "\u00a0"),
            sort=False,
        )
        categories = [
            {**c, "effect_list": effects.get((pot["pot_id"], c["category_id"]), [])}
            for c in pot["categories"]
        ]
        pots.append({**pot, "categories": categories, "funds_chart": mark_safe(funds_chart)})  # noqa: S308
    return {
        "result": result,
        "pots": pots,
        "flowchart_svg": mark_safe(charts.flowchart_svg(flowchart(result))),  # noqa: S308
    }


def _indicator_charts(agreement, year_rows, county=None):
    counties = dict(County.objects.values_list("code", "short_name"))
    highlight = counties.get(county) if county else None
    out = []
    for ind in Indicator.objects.all():
        rows = [r for r in year_rows if r["indicator"] == ind.code]
        national = next(r for r in rows if r["scope"] == "national")
        own = next((r for r in rows if r["scope"] == f"region:{county}"), None) if county else None
        regions = [
            (counties.get(r["scope"].split(":")[1], r["scope"]), r["value"])
            for r in rows
            if r["scope"] != "national"
        ]
        out.append(
            {
                "indicator": ind,
                "national": national,
                "own": own,
                "chart": mark_safe(charts.bar_chart_svg(regions, highlight=highlight)),  # noqa: S308
            }
        )
    return out


def year_report(request, year):
    """Lägesrapport: the whole year on one page."""
    agreement = get_object_or_404(Agreement, year=year)
    scope, refused = _scope_or_refuse(request, agreement)
    return refused or _report_page(request, agreement, None, scope)


def county_sheet(request, year, county):
    """Länsfaktablad: the same for one county."""
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    scope, refused = _scope_or_refuse(request, agreement, county_obj.code)
    return refused or _report_page(request, agreement, county_obj, scope)


def _report_page(request, agreement, county, scope):
    code = county.code if county else None
    data = analyse_year(agreement, county=code, effects_limit=10, visible=scope.counties)
    parts = []
    for item in data["parts"]:
        ctx = _part_context(item["aggregate"], item["effects"], code)
        parts.append({**item, **ctx})
    return render(
        request,
        "analysis/year_report.html",
        {
            "agreement": agreement,
            "county": county,
            "data": data,
            "parts": parts,
            "indicators": _indicator_charts(agreement, data["indicator_rows"], code),
            "published": _published(agreement),
            "summary": StatusReport.objects.filter(agreement=agreement)
            .values_list("summary", flat=True)
            .first(),
            "is_analyst": request.user.is_authenticated and request.user.reads_everything,
            "counties": scope.county_choices(County.objects.all()),
        },
    )


def part_analysis(request, year, part):
    """One part: category tables per pot, effects, funds and the flowchart; filter by county."""
    agreement = get_object_or_404(Agreement, year=year)
    county = _county_param(request)
    scope, refused = _scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    result = aggregate_part(part, county)
    effects = effects_by_category([part], scope.detail(county), limit=50)
    return render(
        request,
        "analysis/part_analysis.html",
        {
            "agreement": agreement,
            "part": part,
            "county": county,
            "counties": scope.county_choices(County.objects.all()),
            "is_analyst": request.user.is_authenticated and request.user.reads_everything,
            "comparison": compare_pots(result) if len(result["pots"]) > 1 else None,
            **_part_context(result, effects, county),
        },
    )


def indicators(request, year):
    """Indicators: national and per county this year, the trend over years, region comparison."""
    agreement = get_object_or_404(Agreement, year=year)
    county = _county_param(request)
    scope, refused = _scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    rows = scope.indicator_rows(compute_indicators(agreement.year))
    # The trend shows the years whose figures the user may read for this scope.
    years = []
    for other in Agreement.objects.select_related("status_report").order_by("year"):
        other_scope = analysis_scope(request.user, other, published=_published_flag(other))
        if other_scope is not None and other_scope.allows(county):
            years.append(other.year)
    trend_rows = compute_indicators(None, years=years)
    items = _indicator_charts(agreement, rows, county)
    row_scope = f"region:{county}" if county else "national"
    for item in items:
        trend = [
            (str(r["year"]), r["value"])
            for r in trend_rows
            if r["indicator"] == item["indicator"].code and r["scope"] == row_scope
        ]
        item["trend"] = mark_safe(charts.bar_chart_svg(trend, sort=False))  # noqa: S308
    return render(
        request,
        "analysis/indicators.html",
        {
            "agreement": agreement,
            "items": items,
            "county": county,
            "counties": scope.county_choices(County.objects.all()),
        },
    )


@role_required(*ANALYSTS)
def workbench(request, year, part):
    """The analysts' list of initiatives for a part, with filters and free-text search."""
    agreement = get_object_or_404(Agreement, year=year)
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    form = WorkbenchFilterForm(request.GET or None, part=part)
    qs = (
        with_effective_coding(
            Initiative.objects.filter(report__pot__part=part, report__status__in=COUNTED_STATUSES)
        )
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
        if f["medel"]:
            qs = qs.filter(within_agreement=f["medel"] == "overenskommelsen")
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
    county = _county_param(request)
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


@role_required(*ANALYSTS)
@require_POST
def publish(request, year):
    """Publish or unpublish the year's status report; publishing asks first."""
    from django.urls import reverse

    from stimulans.core.confirm import confirmation, confirmed
    from stimulans.reporting.services import completeness_totals

    agreement = get_object_or_404(Agreement, year=year)
    if request.POST.get("published") == "1" and not confirmed(request):
        expected, done = completeness_totals(agreement)
        warnings = []
        if done < expected:
            warnings.append(
                _("%(missing)d av %(expected)d förväntade redovisningar saknas ännu.")
                % {"missing": expected - done, "expected": expected}
            )
        return confirmation(
            request,
            title=_("Publicera lägesrapporten %(year)s?") % {"year": year},
            warnings=warnings,
            lines=[
                _(
                    "Lägesrapporten %(year)s med dess tabeller, diagram och nedladdningar blir "
                    "öppen för alla, även utan inloggning."
                )
                % {"year": year},
                _(
                    "%(done)d av %(expected)d förväntade redovisningar är inskickade eller "
                    "godkända. Siffrorna räknas fram ur dem och ändras även efter publiceringen "
                    "om fler redovisningar kommer in eller en redovisning skickas tillbaka."
                )
                % {"done": done, "expected": expected},
            ],
            confirm_label=_("Publicera lägesrapporten"),
            cancel_url=reverse("analysis:year_report", args=[year]),
            keep=["published"],
        )
    status_report, _created = StatusReport.objects.get_or_create(agreement=agreement)
    status_report.published = request.POST.get("published") == "1"
    status_report.published_at = timezone.now() if status_report.published else None
    status_report.published_by = request.user if status_report.published else None
    status_report._history_user = request.user
    status_report.save()
    if status_report.published:
        messages.success(request, _("Lägesrapporten %(year)s är publicerad.") % {"year": year})
    else:
        messages.success(
            request, _("Lägesrapporten %(year)s är inte längre publik.") % {"year": year}
        )
    return redirect("analysis:year_report", year=year)


# --- Downloads -------------------------------------------------------------------------------

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(agreement, county, fmt, scope):
    if fmt not in CONTENT_TYPES:
        raise Http404
    limit = None if fmt == "xlsx" else 10  # every effect in Excel, a sample in the documents
    data = analyse_year(
        agreement,
        county=county.code if county else None,
        effects_limit=limit,
        visible=scope.counties,
    )
    content = {"docx": documents.docx, "pdf": documents.pdf, "xlsx": documents.xlsx}[fmt](data)
    name = f"lagesrapport-{agreement.year}" + (f"-lan-{county.code}" if county else "")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def download_report(request, year, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    scope, refused = _scope_or_refuse(request, agreement)
    return refused or _download(agreement, None, fmt, scope)


def download_county(request, year, county, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    scope, refused = _scope_or_refuse(request, agreement, county_obj.code)
    return refused or _download(agreement, county_obj, fmt, scope)


# --- JSON API --------------------------------------------------------------------------------


def _api_year(request, year):
    """(agreement, county code from ?lan=, scope, None), or a 403 JSON answer as the last item
    when the user may not read the year, or that county's figures, yet."""
    agreement = get_object_or_404(Agreement, year=year)
    county = _county_param(request)
    scope = analysis_scope(request.user, agreement)
    if scope is None:
        refused = JsonResponse({"detail": _("Året är inte publicerat.")}, status=403)
    elif not scope.allows(county):
        detail = _("Länets siffror visas bara för länet självt tills året är publicerat.")
        refused = JsonResponse({"detail": detail}, status=403)
    else:
        refused = None
    return agreement, county, scope, refused


def api_coverage(request, year):
    agreement, county, scope, refused = _api_year(request, year)
    return refused or JsonResponse(
        {"year": agreement.year, **scope.coverage(coverage(agreement, county))}
    )


def api_aggregate(request, year, part):
    agreement, county, scope, refused = _api_year(request, year)
    if refused:
        return refused
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    result = aggregate_json(aggregate_part(part, county))
    return JsonResponse({**result, "county": county})


def api_effects(request, year, part):
    agreement, county, scope, refused = _api_year(request, year)
    if refused:
        return refused
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    effects = effects_by_category([part], scope.detail(county))
    out = []
    for pot in part.pots.prefetch_related("categories"):
        for category in pot.categories.all():
            for e in effects.get((pot.pk, category.pk), []):
                out.append(
                    {
                        "org_kind": pot.recipient_kind,
                        "category": category.slug,
                        "organisation": e["organisation"],
                        "title": e["title"],
                        "effects": e["effects"],
                        "target_group": e["target_group"],
                        "measured": e["measured"],
                    }
                )
    return JsonResponse(
        {"year": agreement.year, "part": part.slug, "county": county, "effects": out}
    )


def api_indicators(request, year):
    agreement, _county, scope, refused = _api_year(request, year)
    if refused:
        return refused
    catalogue = [
        {
            "code": i.code,
            "title": i.title,
            "numerator": i.numerator,
            "denominator": i.denominator,
            "unit": i.unit,
            "source": i.source,
            "description": i.description,
        }
        for i in Indicator.objects.all()
    ]
    return JsonResponse(
        {
            "year": agreement.year,
            "indicators": catalogue,
            "values": scope.indicator_rows(compute_indicators(agreement.year)),
        }
    )


def api_flags(request, year):
    agreement, county, _scope, refused = _api_year(request, year)
    if refused:
        return refused
    flags = quality_flags(agreement, county=county)
    by_part = {}
    for part in agreement.parts.all():
        by_part[part.slug] = flag_summary([f for f in flags if f["part"] == part.slug])
    return JsonResponse(
        {"year": agreement.year, "county": county, "summary": flag_summary(flags), "parts": by_part}
    )
