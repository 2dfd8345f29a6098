"""The status report pages: the index of years, the year's report, a county's fact sheet, one
part's analysis and the indicators. A published year's pages show its latest published version
(`snapshot.report_data`); the live figures are the same data computed now."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement, AgreementPart
from stimulans.lib.numbers import sek
from stimulans.organisations.models import County

from .. import charts, snapshot
from ..aggregation import compare_pots
from ..flowcharts import grouped_effects_tables
from ..permissions import analysis_scope, is_published
from ..templatetags.analysis_tags import indicator_value
from ..texts import paragraphs
from ..trends import part_trend
from ..year_analysis import effect_key, limit_effects
from . import published_pages
from .access import (
    county_param,
    published_flag,
    reads_aggregates,
    scope_or_refuse,
    shown_version,
    shows_draft,
    year_data,
)
from .answers import answer_pots
from .previous_year import (
    category_comparison,
    indicator_comparison,
    published_category_comparison,
    readable_scope,
)


def index(request):
    agreements = Agreement.objects.select_related("status_report").order_by("-year")
    if not reads_aggregates(request.user):
        agreements = agreements.filter(status_report__published=True)
    return render(request, "analysis/index.html", {"agreements": agreements})


def _part_context(item, limit):
    """A part of the year's data with its charts and each category's (shortened) effects."""
    effects = limit_effects(item["effects"], limit)
    pots = []
    for pot in item["aggregate"]["pots"]:
        funds_chart = charts.bar_chart_html(
            [(c["title"], c["funds_sek"]) for c in pot["categories"]],
            fmt=lambda v: sek(v) if v is None else f"{sek(v)} kr",
            sort=False,
            label=_("Använda medel per insatskategori"),
            column=_("Kronor"),
        )
        categories = [
            {**c, "effect_list": effects.get(effect_key(pot["pot_id"], c["category_id"]), [])}
            for c in pot["categories"]
        ]
        pots.append({**pot, "categories": categories, "funds_chart": mark_safe(funds_chart)})  # noqa: S308
    return {
        **item,
        "result": item["aggregate"],
        "pots": pots,
        "summary_paragraphs": paragraphs(item["summary"]),
        "flowchart_svg": mark_safe(  # noqa: S308
            charts.flowchart_svg(
                item["flowchart"],
                label=_("Programlogik för %(part)s") % {"part": item["part"]["title"]},
            )
        ),
        "answer_pots": answer_pots(item["answers"], limit),
    }


def _indicator_format(indicator):
    """How the charts write an indicator's values: shares as percentages, else with the unit."""
    unit = indicator.get("unit")
    if unit in ("%", "", None):
        return charts.percent
    return lambda v: indicator_value(v, unit)


def _indicator_charts(indicators, year_rows, county=None):
    counties = dict(County.objects.values_list("code", "short_name"))
    highlight = counties.get(county) if county else None
    out = []
    for item in indicators:
        code = item["indicator"]["code"]
        rows = [r for r in year_rows if r["indicator"] == code]
        national = next(r for r in rows if r["scope"] == "national")
        own = next((r for r in rows if r["scope"] == f"region:{county}"), None) if county else None
        regions = [
            (counties.get(r["scope"].split(":")[1], r["scope"]), r["value"])
            for r in rows
            if r["scope"] != "national"
        ]
        out.append(
            {
                "indicator": item["indicator"],
                "national": national,
                "own": own,
                "chart": mark_safe(  # noqa: S308
                    charts.bar_chart_html(
                        regions,
                        fmt=_indicator_format(item["indicator"]),
                        highlight=highlight,
                        label=_("%(indicator)s per län")
                        % {"indicator": item["indicator"]["title"]},
                        column=_("Andel"),
                    )
                ),
            }
        )
    return out


@published_pages.whole_page
def year_report(request, year):
    """Lägesrapport: the whole year on one page."""
    agreement = get_object_or_404(Agreement, year=year)
    scope, refused = scope_or_refuse(request, agreement)
    return refused or _report_page(request, agreement, None, scope)


@published_pages.whole_page
def county_sheet(request, year, county):
    """Länsfaktablad: the same for one county."""
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    scope, refused = scope_or_refuse(request, agreement, county_obj.code)
    return refused or _report_page(request, agreement, county_obj, scope)


def _publication(request, agreement, version, national):
    """What the page says about publication: the version shown and, on the national page, the
    versions (public) and for analysts whether the live figures have changed since the latest."""
    is_analyst = request.user.is_authenticated and request.user.reads_everything
    published = is_published(agreement)
    latest = snapshot.versions(agreement).first() if national and is_analyst else None
    return {
        "published": published,
        "version": version,
        "versions": snapshot.versions(agreement) if national and (published or is_analyst) else [],
        "draft_view": shows_draft(request),
        "changed": snapshot.changed_since(agreement, latest) if latest else None,
    }


def _report_page(request, agreement, county, scope):
    code = county.code if county else None
    version = shown_version(request, agreement)

    def page_context():
        data = year_data(request, agreement, code, scope, effects=10, flag_list=False)
        texts = data["texts"]
        return {
            "agreement": agreement,
            "county": county,
            "data": data,
            "introduction": paragraphs(texts["introduction"]),
            "method": paragraphs(texts["method"]),
            "parts": [_part_context(item, 10) for item in data["parts"]],
            "indicators": _indicator_charts(data["indicators"], data["indicator_rows"], code),
            "summary": paragraphs(texts["summary"]),
            "counties": scope.county_choices(County.objects.all()),
            **_publication(request, agreement, version, national=county is None),
            "is_analyst": request.user.is_authenticated and request.user.reads_everything,
        }

    content = published_pages.content(
        request, version, f"year:{code or ''}", "analysis/_year_report_content.html", page_context
    )
    return render(
        request,
        "analysis/year_report.html",
        {
            "agreement": agreement,
            "county": county,
            "content": content,
            **published_pages.frame(request, version),
        },
    )


@published_pages.whole_page
def part_analysis(request, year, part):
    """One part: category tables per pot, effects, funds and the flowchart; filter by county."""
    agreement = get_object_or_404(Agreement, year=year)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    part_obj = get_object_or_404(AgreementPart, agreement=agreement, slug=part)

    def page_context():
        data = year_data(
            request, agreement, county, scope, parts=[part], effects=50, flag_list=False
        )
        item = next((i for i in data["parts"] if i["part"]["slug"] == part), None)
        if item is None:
            raise Http404
        result = item["aggregate"]
        return {
            "agreement": agreement,
            "part": item["part"],
            "county": county,
            "counties": scope.county_choices(County.objects.all()),
            "is_analyst": request.user.is_authenticated and request.user.reads_everything,
            "comparison": compare_pots(result) if len(result["pots"]) > 1 else None,
            **_grouped_and_previous(request, part_obj, result, county, scope),
            **_part_context(item, 50),
        }

    version = shown_version(request, agreement)
    content = published_pages.content(
        request,
        version,
        f"part:{part}:{county or ''}",
        "analysis/_part_analysis_content.html",
        page_context,
    )
    return render(
        request,
        "analysis/part_analysis.html",
        {
            "agreement": agreement,
            "part": part_obj,
            "content": content,
            **published_pages.frame(request, version),
        },
    )


def _grouped_and_previous(request, part, result, county, scope):
    """The grouped effects tables and the previous year's category tables beside this year's:
    computed now for the live figures, from the published versions for a published year (the
    previous year where it is published)."""
    version = shown_version(request, part.agreement)
    trend = part_trend(
        part,
        county,
        lambda agreement: readable_scope(request.user, agreement, county) is not None,
        published=version is not None,
    )
    if version is None:
        return {
            "trend": trend,
            "previous_year": category_comparison(request.user, part, result, county),
            "grouped_effects": grouped_effects_tables(result, part, scope.detail(county)),
        }
    return {
        "trend": trend,
        "previous_year": published_category_comparison(part, result, county),
        "grouped_effects": snapshot.part_section(version, "grouped_effects", part.slug, county),
    }


def indicators(request, year):
    """Indicators: national and per county this year, the trend over years, region comparison."""
    agreement = get_object_or_404(Agreement, year=year)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    data = year_data(request, agreement, county, scope, parts=[], flag_list=False)
    # The trend shows the years whose figures the user may read for this scope, each year as
    # published (or live where it is not).
    row_scope = f"region:{county}" if county else "national"
    readable = [
        other
        for other in Agreement.objects.select_related("status_report").order_by("year")
        if (s := analysis_scope(request.user, other, published=published_flag(other)))
        and s.allows(county)
    ]
    by_year = snapshot.indicator_rows_by_year(readable, draft=shows_draft(request))
    trend_rows = [
        {**r, "year": other.year}
        for other in readable
        for r in by_year.get(other.year) or []
        if r["scope"] == row_scope
    ]
    items = _indicator_charts(data["indicators"], data["indicator_rows"], county)
    previous_year, changes = indicator_comparison(
        request.user, agreement, data["indicator_rows"], county
    )
    for item in items:
        item["previous"] = changes.get((item["indicator"]["code"], row_scope))
        trend = [
            (str(r["year"]), r["value"])
            for r in trend_rows
            if r["indicator"] == item["indicator"]["code"]
        ]
        # A trend only where there is more than one year.
        item["trend"] = (
            mark_safe(  # noqa: S308
                charts.bar_chart_html(
                    trend,
                    fmt=_indicator_format(item["indicator"]),
                    sort=False,
                    label=_("%(indicator)s per år") % {"indicator": item["indicator"]["title"]},
                    column=_("Andel"),
                )
            )
            if len(trend) > 1
            else None
        )
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
