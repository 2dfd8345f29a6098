"""The whole year: everything the status report (and a county's fact sheet) shows, composed of
the aggregation, effects, coverage, money, indicators and quality flags."""

from collections import defaultdict

from .aggregation import aggregate_parts, flowchart
from .answers import year_answers
from .coverage import coverage
from .effects import effects_by_category
from .flags import flag_summary, quality_flags
from .indicators import compute_indicators
from .models import Indicator
from .money import money_analysis


def analyse_year(agreement, county=None, effects_limit=None, visible=None, previous=None):
    """Everything the status report shows for one year (or one county's fact sheet).

    `visible` (county codes, default all) limits what concerns single counties: the coverage
    and indicator rows per county and the lists that name organisations (effects, flags); the
    national totals are always the whole country's (see analysis.permissions).

    Each part's `answers` are the questionnaire's answers (analysis.answers; free texts cut to
    `effects_limit` per question) beside the previous year's: with `previous` None when that
    year is published, True when the caller checked the reader may read it, False never."""
    parts = list(agreement.parts.all())
    aggregates = aggregate_parts(parts, county)
    answers = year_answers(agreement, parts, county, visible, effects_limit, previous)
    detail = county if county or visible is None else sorted(visible)
    effects = effects_by_category(parts, detail, limit=effects_limit)
    flags = quality_flags(agreement, county=county)
    indicators = list(Indicator.objects.all())
    rows = [
        r
        for r in compute_indicators(agreement.year, indicators)
        if visible is None or r["scope"] == "national" or r["scope"][7:] in visible
    ]
    scope = f"region:{county}" if county else "national"
    by_part = defaultdict(list)
    for f in flags:
        by_part[f["part"]].append(f)
    covered = coverage(agreement, county)
    if visible is not None:
        covered["counties"] = [c for c in covered["counties"] if c["county_code"] in visible]
    return {
        "agreement": agreement,
        "county": county,
        "coverage": covered,
        "funds": money_analysis(agreement, county, visible),
        "parts": [
            {
                "part": part,
                "aggregate": aggregates[part.pk],
                "flowchart": flowchart(aggregates[part.pk]),
                "effects": effects,
                "flags": flag_summary(by_part[part.slug]),
                "answers": answers[part.pk],
            }
            for part in parts
        ],
        "indicators": [
            {
                "indicator": ind,
                "row": next(r for r in rows if r["indicator"] == ind.code and r["scope"] == scope),
                "regions": [
                    r for r in rows if r["indicator"] == ind.code and r["scope"] != "national"
                ],
            }
            for ind in indicators
        ],
        "indicator_rows": rows,
        "flags": flag_summary(flags),
        "flag_list": flags
        if county or visible is None
        else [f for f in flags if f["county"] in visible],
    }
