"""The status report pages: the index of years, the year's report, a county's fact sheet, one
part's analysis and the indicators."""

from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from stimulans.funds.models import Agreement, AgreementPart
from stimulans.lib.numbers import sek
from stimulans.organisations.models import County

from .. import charts
from ..aggregation import aggregate_part, compare_pots, flowchart
from ..effects import effects_by_category
from ..flowcharts import flowcharts, grouped_effects
from ..indicators import compute_indicators
from ..models import Indicator, StatusReport, TextKind
from ..permissions import analysis_scope, is_published
from ..year_analysis import analyse_year
from .access import county_param, published_flag, reads_aggregates, scope_or_refuse
from .previous_year import category_comparison, indicator_comparison


def index(request):
    agreements = Agreement.objects.select_related("status_report").order_by("-year")
    if not reads_aggregates(request.user):
        agreements = agreements.filter(status_report__published=True)
    return render(request, "analysis/index.html", {"agreements": agreements})


def _part_context(result, effects, county=None):
    pots = []
    for pot in result["pots"]:
        funds_chart = charts.bar_chart_svg(
            [(c["title"], c["funds_sek"]) for c in pot["categories"]],
            fmt=lambda v: sek(v) if v is None else f"{sek(v)} kr",
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
    scope, refused = scope_or_refuse(request, agreement)
    return refused or _report_page(request, agreement, None, scope)


def county_sheet(request, year, county):
    """Länsfaktablad: the same for one county."""
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    scope, refused = scope_or_refuse(request, agreement, county_obj.code)
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
            "published": is_published(agreement),
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
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
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
            "previous_year": category_comparison(request.user, part, result, county),
            "grouped_effects": _grouped_effects(result, part, scope.detail(county)),
            **_part_context(result, effects, county),
        },
    )


def _grouped_effects(result, part, county):
    """Per pot, the categories with their grouped effects (the report's effects tables)."""
    groups = grouped_effects(flowcharts(part, county, kinds=[TextKind.EFFECTS]))
    return [
        {
            "org_kind_label": pot["org_kind_label"],
            "categories": [
                {"title": c["title"], "groups": groups[(pot["pot_id"], c["category_id"])]}
                for c in pot["categories"]
                if groups.get((pot["pot_id"], c["category_id"]))
            ],
        }
        for pot in result["pots"]
    ]


def indicators(request, year):
    """Indicators: national and per county this year, the trend over years, region comparison."""
    agreement = get_object_or_404(Agreement, year=year)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    rows = scope.indicator_rows(compute_indicators(agreement.year))
    # The trend shows the years whose figures the user may read for this scope.
    years = []
    for other in Agreement.objects.select_related("status_report").order_by("year"):
        other_scope = analysis_scope(request.user, other, published=published_flag(other))
        if other_scope is not None and other_scope.allows(county):
            years.append(other.year)
    trend_rows = compute_indicators(None, years=years)
    items = _indicator_charts(agreement, rows, county)
    row_scope = f"region:{county}" if county else "national"
    previous_year, changes = indicator_comparison(request.user, agreement, rows, county)
    for item in items:
        item["previous"] = changes.get((item["indicator"].code, row_scope))
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
            "previous_year": previous_year,
            "county": county,
            "counties": scope.county_choices(County.objects.all()),
        },
    )
