"""The whole year: everything the status report (and a county's fact sheet) shows, composed of
the aggregation, effects, coverage, money, answers, indicators, quality flags and the analysts'
texts.

`analyse_year` returns plain JSON data (no model objects, string keys), the one shape that the
pages, the `/analys/api/` JSON and the documents read: computed live for drafts, and stored in a
published version's snapshot (`analysis.snapshot`) for what is published."""

from collections import defaultdict

from django.core.cache import cache
from django.utils.translation import get_language

from stimulans.organisations.models import County

from .aggregation import aggregate_parts, flowchart
from .answers import year_answers
from .coverage import coverage
from .data_version import data_version
from .effects import effects_by_category
from .flags import flag_summary, quality_flags
from .indicators import compute_indicators
from .models import Indicator
from .money import money_analysis
from .plain import plain
from .support_needs import support_needs_json
from .texts import report_texts

INDICATOR_FIELDS = (
    "code",
    "title",
    "basis",
    "numerator",
    "denominator",
    "value_series",
    "unit",
    "source",
    "description",
)


def effect_key(pot_id, category_id):
    """The key of a (pot, category) in a part's `effects`."""
    return f"{pot_id}:{category_id}"


def limit_effects(effects, limit):
    """The effects with at most `limit` shown per (pot, category); None stands for an effect
    counted but not shown."""
    if limit is None:
        return effects
    return {
        key: rows[:limit] + [None] * (len(rows) - limit) if len(rows) > limit else rows
        for key, rows in effects.items()
    }


def _part_effects(effects, aggregate):
    """The effects of one part's pots, keyed by `effect_key`."""
    pots = {pot["pot_id"] for pot in aggregate["pots"]}
    return {
        effect_key(pot_id, category_id): rows
        for (pot_id, category_id), rows in effects.items()
        if pot_id in pots
    }


CACHE_SECONDS = 24 * 3600


def analyse_year(agreement, county=None, visible=None, previous=None):
    """`compute_year` from the cache when the year's data (and the previous year's, which the
    answers compare with) has not changed since it was computed: the cache key holds both
    years' `data_version` and the language of the labels."""
    versions = f"{data_version(agreement.year)}:{data_version(agreement.year - 1)}"
    key = "analysis:year:" + ":".join(
        str(p)
        for p in (
            agreement.year,
            county,
            None if visible is None else ",".join(sorted(visible)),
            previous,
            get_language(),
            versions,
        )
    )
    data = cache.get(key)
    if data is None:
        data = compute_year(agreement, county, visible, previous, versions)
        cache.set(key, data, CACHE_SECONDS)
    return data


def compute_year(agreement, county=None, visible=None, previous=None, versions=None):
    """Everything the status report shows for one year (or one county's fact sheet), as JSON.

    `visible` (county codes, default all) limits what concerns single counties: the coverage
    and indicator rows per county and the lists that name organisations (effects, flags); the
    national totals are always the whole country's (see analysis.permissions). Every effect is
    listed; pages and documents shorten the lists with `limit_effects`.

    Each part's `answers` are the questionnaire's answers (analysis.answers) beside the
    previous year's: with `previous` None when that year is published, True when the caller
    checked the reader may read it, False never. `funds` is the money followed through
    (analysis.money). `versions`: both years' data versions when the caller has just read them
    (the quality flags are stored under them)."""
    parts = list(agreement.parts.all())
    aggregates = aggregate_parts(parts, county)
    answers = year_answers(agreement, parts, county, visible, None, previous)
    detail = county if county or visible is None else sorted(visible)
    effects = effects_by_category(parts, detail)
    flags = quality_flags(agreement, county=county, versions=versions)
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
    texts = report_texts(agreement)
    return {
        "agreement": {"year": agreement.year, "title": agreement.title},
        "county": county,
        "county_name": County.objects.filter(code=county).values_list("name", flat=True).first()
        if county
        else None,
        "texts": texts,
        "coverage": covered,
        "funds": plain(money_analysis(agreement, county, visible)),
        "support_needs": support_needs_json(agreement, county),
        "parts": [
            {
                "part": {"slug": part.slug, "title": part.title, "aims": part.aims},
                "summary": texts["parts"].get(part.slug, ""),
                "aggregate": aggregates[part.pk],
                "flowchart": [list(column) for column in flowchart(aggregates[part.pk])],
                "effects": _part_effects(effects, aggregates[part.pk]),
                "flags": flag_summary(by_part[part.slug]),
                "answers": plain(answers[part.pk]),
            }
            for part in parts
        ],
        "indicators": [
            {
                "indicator": {f: getattr(ind, f) for f in INDICATOR_FIELDS},
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
