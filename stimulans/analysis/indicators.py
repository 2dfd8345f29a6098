"""Indicators: the catalogue (from the agreement file) and the values, national and per county,
from the summed numerators and denominators of the organisations that reported both."""

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement
from stimulans.funds.services import AGREEMENT_2020
from stimulans.organisations.models import County
from stimulans.reporting.models import COUNTED, MeasureValue

from .models import Indicator, IndicatorBasis
from .official_statistics import series_by_county

INDICATOR_TEXTS = {
    "bup.first_assessment.share_within_30_days": (
        "Andel barn som fått en första bedömning inom BUP inom 30 dagar",
        "Regionernas redovisning av tillgänglighet i barn- och ungdomspsykiatrin",
    ),
    "bup.extended_assessment.share_within_30_days": (
        "Andel barn som fått en fördjupad utredning inom BUP inom 30 dagar",
        "Regionernas redovisning av tillgänglighet i barn- och ungdomspsykiatrin",
    ),
    "bup.treatment.share_within_30_days": (
        "Andel barn som påbörjat behandling inom BUP inom 30 dagar",
        "Regionernas redovisning av tillgänglighet i barn- och ungdomspsykiatrin",
    ),
    "first_line.share_within_3_days": (
        "Andel barn och unga som fått kontakt med första linjen inom tre dagar",
        "Regionernas redovisning av tillgänglighet i första linjen",
    ),
}


@transaction.atomic
def load_indicators(path: Path = AGREEMENT_2020):
    """Load the indicator catalogue from the agreement file's `indicators` section."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    items = data.get("indicators") or []
    for order, item in enumerate(items):
        title, source = INDICATOR_TEXTS.get(item["code"], (item["code"], ""))
        Indicator.objects.update_or_create(
            code=item["code"],
            defaults={
                "title": item.get("title", title),
                "numerator": item["numerator"],
                "denominator": item["denominator"],
                "unit": item.get("unit", "%"),
                "source": item.get("source", source),
                "description": item.get(
                    "description",
                    _(
                        "Summan av %(num)s delad med summan av %(den)s, över de organisationer som "
                        "redovisat båda."
                    )
                    % {"num": item["numerator"], "den": item["denominator"]},
                ),
                "order": order,
            },
        )
    return len(items)


def _indicator_sums(years, indicators):
    """{year: {org_id: {code: value}}} and {org_id: county code}, one query."""
    codes = {i.numerator for i in indicators} | {i.denominator for i in indicators}
    values = defaultdict(lambda: defaultdict(dict))
    county_of = {}
    for year, org_id, county, code, value in MeasureValue.objects.filter(
        report__pot__part__agreement__year__in=years,
        report__status__in=COUNTED,
        code__in=codes,
    ).values_list(
        "report__pot__part__agreement__year",
        "report__organisation_id",
        "report__organisation__county__code",
        "code",
        "value",
    ):
        org = values[year][org_id]
        org[code] = org.get(code, 0) + value
        county_of[org_id] = county
    return values, county_of


def _value(n, d):
    if d is None or d == 0 or n is None:
        return None
    return n / d


def _plain(number):
    """A statistics figure for the JSON rows: an int where whole, else a float."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def _statistics_scopes(ind, year, ratios, values, counties):
    """[(scope, numerator, denominator, value)] of an indicator built on statistics series: a
    ratio per county where both series have the county's figure, nationally the country's
    figures where imported for both, else the sums over the counties that have both; a ready
    value series as imported (a percentage divided by 100 into a share)."""
    if ind.value_series:
        got = values.get((ind.value_series, year), {})
        scale = Decimal(100) if ind.unit == "%" else Decimal(1)
        return [
            (scope, None, None, float(v / scale) if v is not None else None)
            for scope, v in [("national", got.get("country"))]
            + [(f"region:{c}", got.get(c)) for c in counties]
        ]
    num = ratios.get((ind.numerator, year), {})
    den = ratios.get((ind.denominator, year), {})
    both = [c for c in counties if c in num and c in den]
    if num.get("country") is not None and den.get("country") is not None:
        national = (num["country"], den["country"])
    elif both:
        national = (sum(num[c] for c in both), sum(den[c] for c in both))
    else:
        national = (None, None)
    out = [("national", *national)]
    out += [
        (f"region:{c}", num[c], den[c]) if c in both else (f"region:{c}", None, None)
        for c in counties
    ]
    return [
        (scope, _plain(n), _plain(d), float(n / d) if n is not None and d else None)
        for scope, n, d in out
    ]


def compute_indicators(year, indicators=None, years=None):
    """Rows {indicator, scope, numerator, denominator, value}: national and per county, from summed
    numerators and denominators of the organisations that reported both, or for an indicator on
    official statistics from the imported series (`_statistics_scopes`). With `years`, a list of
    rows per year (with a `year` key) for all of them."""
    indicators = list(indicators if indicators is not None else Indicator.objects.all())
    year_list = list(years) if years is not None else [year]
    reported = [i for i in indicators if i.basis != IndicatorBasis.STATISTICS]
    statistics = [i for i in indicators if i.basis == IndicatorBasis.STATISTICS]
    values, county_of = _indicator_sums(year_list, reported)
    ratios = series_by_county(
        year_list, {s for i in statistics for s in (i.numerator, i.denominator) if s}
    )
    ready = series_by_county(
        year_list, {i.value_series for i in statistics if i.value_series}, additive=False
    )
    counties = list(County.objects.values_list("code", flat=True))
    rows = []
    for y in year_list:
        for ind in indicators:
            if ind.basis == IndicatorBasis.STATISTICS:
                for scope, n, d, v in _statistics_scopes(ind, y, ratios, ready, counties):
                    row = {
                        "indicator": ind.code,
                        "scope": scope,
                        "numerator": n,
                        "denominator": d,
                        "value": v,
                    }
                    if years is not None:
                        row["year"] = y
                    rows.append(row)
                continue
            national = [None, None]
            per_county = {}
            for org_id, org in values[y].items():
                if ind.numerator not in org or ind.denominator not in org:
                    continue
                for acc in (national, per_county.setdefault(county_of[org_id], [None, None])):
                    acc[0] = (acc[0] or 0) + org[ind.numerator]
                    acc[1] = (acc[1] or 0) + org[ind.denominator]
            scopes = [("national", national)] + [
                (f"region:{code}", per_county.get(code, [None, None])) for code in counties
            ]
            for scope, (n, d) in scopes:
                row = {
                    "indicator": ind.code,
                    "scope": scope,
                    "numerator": n,
                    "denominator": d,
                    "value": _value(n, d),
                }
                if years is not None:
                    row["year"] = y
                rows.append(row)
    return rows


def indicator_trend(indicator, scope="national"):
    years = list(Agreement.objects.order_by("year").values_list("year", flat=True))
    rows = compute_indicators(None, [indicator], years=years)
    return [(r["year"], r["value"]) for r in rows if r["scope"] == scope]
