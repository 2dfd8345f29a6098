"""The trend pages over every year the reader may read (`trends.readable_agreements`; a year
the reader may not read for the chosen county is left out): the indicators, the funds per pot
and the answers per question of a part, each year as published (live where it is not, and for
analysts' `?utkast=1`). `?lan=` one county, `?uppdrag=` the years of one commission period."""

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from stimulans.funds.models import Agreement, AgreementPart, Period, PeriodKind
from stimulans.lib.text import is_digits
from stimulans.organisations.models import County

from .. import snapshot
from ..answers import part_answers
from ..lookups import AnalysisError
from ..permissions import analysis_scope
from ..plain import plain
from ..trends import (
    answers_trend,
    funds_trend,
    indicator_trend,
    part_chain,
    part_series,
    readable_agreements,
)
from .access import county_param, published_flag, refuse, shown_version, shows_draft


@dataclass
class TrendYears:
    county: str | None
    agreements: list[Agreement]
    periods: list[Period]
    period: Period | None
    counties: list[County]

    @property
    def years(self) -> list[int]:
        return [a.year for a in self.agreements]

    def context(self) -> dict[str, Any]:
        return {
            "years": self.years,
            "county": self.county,
            "counties": self.counties,
            "periods": self.periods,
            "period": self.period,
            "query": _query(self.county, self.period),
        }


def _query(county: str | None, period: Period | None) -> str:
    params = [f"lan={county}" if county else "", f"uppdrag={period.pk}" if period else ""]
    joined = "&".join(p for p in params if p)
    return f"?{joined}" if joined else ""


def _trend_years(request: HttpRequest) -> tuple[TrendYears | None, HttpResponse | None]:
    """The years of the page, or a refusal when the reader may read no year at all."""
    county = county_param(request)
    everything = readable_agreements(request.user)
    agreements = readable_agreements(request.user, county) if county else everything
    if not agreements:
        return None, refuse(request)
    periods = list(Period.objects.filter(kind=PeriodKind.COMMISSION))
    period = None
    chosen = request.GET.get("uppdrag") or ""
    if chosen:
        period = next((p for p in periods if is_digits(chosen) and p.pk == int(chosen)), None)
        if period is None:
            raise Http404
        agreements = [a for a in agreements if period.first_year <= a.year <= period.last_year]
    scopes = [analysis_scope(request.user, a, published=published_flag(a)) for a in everything]
    counties = [
        c for c in County.objects.all() if any(s is not None and s.allows(c.code) for s in scopes)
    ]
    return TrendYears(county, agreements, periods, period, counties), None


def trend_index(request: HttpRequest) -> HttpResponse:
    """The trend pages and the series of parts whose answers can be followed."""
    chosen, refused = _trend_years(request)
    if chosen is None:
        return refused  # type: ignore[return-value]
    series = [s for s in part_series(chosen.agreements) if len(s) > 1]
    return render(
        request,
        "analysis/trend_index.html",
        {**chosen.context(), "series": [s[-1] for s in series]},
    )


def indicators_trend(request: HttpRequest) -> HttpResponse:
    chosen, refused = _trend_years(request)
    if chosen is None:
        return refused  # type: ignore[return-value]
    rows_by_year = snapshot.indicator_rows_by_year(chosen.agreements, draft=shows_draft(request))
    row_scope = f"region:{chosen.county}" if chosen.county else "national"
    rows = indicator_trend(chosen.years, rows_by_year, row_scope) if len(chosen.years) > 1 else []
    return render(request, "analysis/trend_indicators.html", {**chosen.context(), "rows": rows})


def funds_trend_page(request: HttpRequest) -> HttpResponse:
    chosen, refused = _trend_years(request)
    if chosen is None:
        return refused  # type: ignore[return-value]
    series: list[dict[str, Any]] = []
    if len(chosen.years) > 1:
        funds = {
            a.year: snapshot.section(a, "funds", shown_version(request, a)) or []
            for a in chosen.agreements
        }
        series = funds_trend(chosen.years, part_series(chosen.agreements), funds, chosen.county)
    return render(request, "analysis/trend_funds.html", {**chosen.context(), "series": series})


def _answer_pots(request: HttpRequest, part: Any, county: str | None) -> list[dict[str, Any]]:
    """The part's answers per pot as the year shows them (`answers.PotAnswers` as plain data)."""
    agreement = part.agreement
    scope = analysis_scope(request.user, agreement)
    version = shown_version(request, agreement)
    if version is None:
        return plain(part_answers(part, county, visible=scope.counties, text_limit=0))["pots"]
    try:
        data = snapshot.report_data(
            agreement,
            county,
            scope.counties,
            version,
            parts=[part.slug],
            effects=0,
            flag_list=False,
        )
    except AnalysisError:
        return []
    item = next((i for i in data["parts"] if i["part"]["slug"] == part.slug), None)
    return [p["pot"] for p in item["answers"]["pots"]] if item else []


def answers_trend_page(request: HttpRequest, part: str) -> HttpResponse:
    """One part's answers per question over the years (the part of the latest year shown)."""
    chosen, refused = _trend_years(request)
    if chosen is None:
        return refused  # type: ignore[return-value]
    # The part of that slug in the latest year that has one (a part renamed later keeps its
    # old slug in the earlier years).
    part_obj = (
        AgreementPart.objects.filter(agreement__in=chosen.agreements, slug=part)
        .select_related("agreement")
        .order_by("-agreement__year")
        .first()
    )
    if part_obj is None:
        raise Http404
    years = set(chosen.years)
    chain = part_chain(part_obj, lambda agreement: agreement.year in years)
    pots: list[dict[str, Any]] = []
    if len(chain) > 1:
        pots = answers_trend(chain, [_answer_pots(request, p, chosen.county) for p in chain])
    return render(
        request,
        "analysis/trend_answers.html",
        {
            **chosen.context(),
            "part": part_obj,
            "chain_years": [p.agreement.year for p in chain],
            "earlier_titles": sorted({p.title for p in chain} - {part_obj.title}),
            "pots": pots,
        },
    )
