"""Trends over all years of a part: the chain of parts it continues (`previous_part`, the
recorded predecessor or the same slug), and per pot and category this year's series back through
the crosswalk (`category_crosswalk`: renamed categories keep their series, merged ones are added
up, a category that continues none starts a new series and says from which year). Plain JSON."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement, AgreementPart, Pot
from stimulans.organisations.models import OrganisationKind
from stimulans.reporting.questions import COUNTED_TYPES, DECIMAL

from .aggregation import aggregate_part
from .answers import question_crosswalks
from .lookups import AnalysisError
from .models import Indicator, StatusReport
from .permissions import analysis_scope
from .previous_year import category_crosswalk, merged_row, previous_part

TREND_FIELDS = ("actors_with_activities", "actors_with_effects", "initiatives", "funds_sek")


def part_chain(
    part: AgreementPart, readable: Callable[[Any], bool] = lambda agreement: True
) -> list[AgreementPart]:
    """The part and those it continues, oldest first, as far back as `readable` allows."""
    chain = [part]
    seen = {part.pk}
    earlier = previous_part(part)
    while earlier is not None and earlier.pk not in seen and readable(earlier.agreement):
        chain.append(earlier)
        seen.add(earlier.pk)
        earlier = previous_part(earlier)
    return chain[::-1]


def _earlier_ids(ids, later_part, later_rows, earlier_rows):
    """The category ids of the earlier year that the later year's `ids` continue."""
    crosswalk = category_crosswalk(later_part)
    if crosswalk is None:
        slugs = {r["category"] for r in later_rows if r["category_id"] in ids}
        return [r["category_id"] for r in earlier_rows if r["category"] in slugs]
    return [e for i in ids for e in crosswalk.get(i, [])]


def _cells(rows):
    if not rows:
        return None
    row = merged_row(rows)
    return {f: row.get(f) for f in (*TREND_FIELDS, "title")}


def published_aggregate(part: AgreementPart, county: str | None = None) -> dict[str, Any]:
    """The part's category tables (`aggregate_part`'s shape) as its year's latest published
    version holds them, or computed now where the year is not published (or was published
    before versions existed, or the version does not hold the part or county)."""
    from . import snapshot

    version = snapshot.published_version(part.agreement)
    if version is not None:
        try:
            data = snapshot.report_data(
                part.agreement, county, None, version, parts=[part.slug], effects=0, flag_list=False
            )
        except AnalysisError:
            data = {"parts": []}
        for item in data["parts"]:
            if item["part"]["slug"] == part.slug:
                return item["aggregate"]
    return aggregate_part(part, county)


def part_trend(
    part: AgreementPart,
    county: str | None = None,
    readable: Callable[[Any], bool] = lambda agreement: True,
    published: bool = False,
) -> dict[str, Any] | None:
    """{"years", "pots": [{"org_kind", "org_kind_label", "amounts", "rows": [{"title",
    "cells": [per year a dict or None], "new_series_from", "earlier_titles"}]}]}, or None when
    the part has only one year. With `published` each year's figures are its latest published
    version's where it has one (a published page, unchanged by later reports), else computed
    now."""
    chain = part_chain(part, readable)
    if len(chain) < 2:
        return None
    figures = published_aggregate if published else aggregate_part
    results = [figures(p, county) for p in chain]
    amounts = {
        (pot.part_id, pot.recipient_kind): pot.amount_sek
        for pot in Pot.objects.filter(part__in=chain)
    }
    years = [p.agreement.year for p in chain]
    pots = []
    for pot in results[-1]["pots"]:
        kind = pot["org_kind"]
        per_year: list[list[dict[str, Any]]] = [
            next((q["categories"] for q in r["pots"] if q["org_kind"] == kind), []) for r in results
        ]
        rows = []
        for category in pot["categories"]:
            ids = [category["category_id"]]
            cells = [None] * len(chain)
            cells[-1] = _cells([category])
            titles: list[str] = []
            for i in range(len(chain) - 1, 0, -1):
                ids = _earlier_ids(ids, chain[i], per_year[i], per_year[i - 1])
                found = [r for r in per_year[i - 1] if r["category_id"] in ids]
                cells[i - 1] = _cells(found)
                titles.extend(r["title"] for r in found if r["title"] not in titles)
            first = next(n for n, c in enumerate(cells) if c is not None)
            rows.append(
                {
                    "title": category["title"],
                    "cells": cells,
                    "new_series_from": years[first] if first > 0 else None,
                    "earlier_titles": [t for t in titles if t != category["title"]],
                }
            )
        pots.append(
            {
                "org_kind": kind,
                "org_kind_label": pot["org_kind_label"],
                "amounts": [amounts.get((p.pk, kind)) for p in chain],
                "rows": rows,
            }
        )
    return {"years": years, "pots": pots}


# Trends over every year the reader may read: the indicators, the funds per pot and the answers
# per question. Plain JSON for the trend pages (`views/trends.py`).


def readable_agreements(user: Any, county: str | None = None) -> list[Agreement]:
    """The years whose figures `user` may read for `county` (None: the whole country), oldest
    first: `analysis_scope` of each year."""
    return [
        agreement
        for agreement in Agreement.objects.select_related("status_report").order_by("year")
        if (scope := analysis_scope(user, agreement, published=_published(agreement)))
        and scope.allows(county)
    ]


def _published(agreement: Agreement) -> bool:
    try:
        return bool(agreement.status_report.published)
    except StatusReport.DoesNotExist:
        return False


def part_series(agreements: list[Agreement]) -> list[list[AgreementPart]]:
    """Every part of the years as series over the years (oldest part first), the newest
    series first: each part of the latest year with those it continues (`part_chain`), then the
    parts of earlier years that no later part continues."""
    years = {a.year for a in agreements}
    seen: set[int] = set()
    series = []
    parts = (
        AgreementPart.objects.filter(agreement__in=agreements)
        .select_related("agreement", "predecessor__agreement")
        .order_by("-agreement__year", "order", "pk")
    )
    for part in parts:
        if part.pk in seen:
            continue
        chain = part_chain(part, lambda agreement: agreement.year in years)
        chain = [p for p in chain if p.pk not in seen]
        seen.update(p.pk for p in chain)
        series.append(chain)
    return series


def _titles(chain: list[AgreementPart]) -> list[str]:
    latest = chain[-1].title
    return [t for t in dict.fromkeys(p.title for p in reversed(chain)) if t != latest]


def indicator_trend(
    years: list[int], rows_by_year: dict[int, list[dict[str, Any]]], row_scope: str
) -> list[dict[str, Any]]:
    """[{"code", "title", "unit", "source", "values": [per year the value or None],
    "numerators", "denominators"}] of the indicators with a value in more than one year, in
    the catalogue's order; `row_scope` "national" or "region:<code>"."""
    found: dict[str, dict[int, dict[str, Any]]] = {}
    for year in years:
        for row in rows_by_year.get(year) or []:
            if row["scope"] == row_scope and row.get("value") is not None:
                found.setdefault(row["indicator"], {})[year] = row
    result = []
    for indicator in Indicator.objects.filter(code__in=list(found)).order_by("order", "code"):
        by_year = found[indicator.code]
        if len(by_year) < 2:
            continue
        cells = [by_year.get(year) for year in years]
        result.append(
            {
                "code": indicator.code,
                "title": indicator.title,
                "unit": indicator.unit,
                "source": indicator.source,
                "values": [c["value"] if c else None for c in cells],
                "numerators": [c.get("numerator") if c else None for c in cells],
                "denominators": [c.get("denominator") if c else None for c in cells],
            }
        )
    return result


MONEY_TREND_FIELDS = ("allocated_sek", "used_sek", "initiatives_sek")


def funds_trend(
    years: list[int],
    series: list[list[AgreementPart]],
    funds_by_year: dict[int, list[dict[str, Any]]],
    county: str | None = None,
) -> list[dict[str, Any]]:
    """Per series of parts and recipient kind the funds allocated, reported used and put on
    initiatives in each year (`money.funds_json` rows; one county's row with `county`):
    [{"title", "earlier_titles", "pots": [{"org_kind_label", "allocated_sek": [per year],
    "used_sek", "initiatives_sek", "new_series_from"}]}]. Series of one year are left out."""
    index = {year: n for n, year in enumerate(years)}
    # {(year, part slug): [(recipient kind, figures)]}
    figures: dict[tuple[int, str], list[tuple[str, dict[str, Any]]]] = {}
    for year, pots in funds_by_year.items():
        for pot in pots:
            row: dict[str, Any] | None = pot
            if county is not None:
                row = next((c for c in pot.get("counties", []) if c["county"] == county), None)
            if row is not None:
                figures.setdefault((year, pot["part"]), []).append((pot["org_kind"], row))
    labels = dict(OrganisationKind.choices)
    result = []
    for chain in series:
        if len(chain) < 2:
            continue
        kinds: dict[str, dict[str, Any]] = {}
        for part in chain:
            year = part.agreement.year
            for kind, row in figures.get((year, part.slug), []):
                entry = kinds.setdefault(
                    kind,
                    {
                        "org_kind_label": str(labels.get(kind, kind)),
                        **{f: [None] * len(years) for f in MONEY_TREND_FIELDS},
                    },
                )
                for f in MONEY_TREND_FIELDS:
                    entry[f][index[year]] = row.get(f)
        start = index[chain[0].agreement.year]
        for entry in kinds.values():
            filled = [n for n, v in enumerate(entry["allocated_sek"]) if v is not None]
            entry["new_series_from"] = years[filled[0]] if filled and filled[0] > start else None
        result.append(
            {
                "title": chain[-1].title,
                "earlier_titles": _titles(chain),
                "years": [p.agreement.year for p in chain],
                "pots": list(kinds.values()),
            }
        )
    return result


def _same_shape(q: dict[str, Any], before: dict[str, Any]) -> bool:
    if q["type"] != before["type"]:
        return False
    names = {c["choice"] for c in q["choices"]} if q["choices"] is not None else None
    earlier = {c["choice"] for c in before["choices"]} if before["choices"] is not None else None
    return names == earlier


def _earlier_question(
    q: dict[str, Any], questions: dict[str, dict[str, Any]], crosswalk: dict[str, str]
) -> dict[str, Any] | None:
    """The earlier year's question that `q` continues: the crosswalk's ("" a new series), else
    the same name while type and choices stay the same."""
    if q["question"] in crosswalk:
        name = crosswalk[q["question"]]
        return questions.get(name) if name else None
    before = questions.get(q["question"])
    return before if before is not None and _same_shape(q, before) else None


def answers_trend(
    chain: list[AgreementPart], pots_by_part: list[list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """A series of parts' answers per recipient kind and question of the latest year, back
    through each year's question crosswalk (`Questionnaire.crosswalk`): [{"org_kind_label",
    "reporting_actors": [per year], "questions": [{"label", "rows": [{"label", "values": [per
    year], "decimal" (a decimal question's sum and mean, Decimals)}], "new_series_from",
    "earlier_names"}]}]: choice, integer and decimal questions. `pots_by_part[i]` are the
    answers' pots (`answers.PotAnswers` as plain data) of `chain[i]`."""
    years = [p.agreement.year for p in chain]
    crosswalks = question_crosswalks([pot["pot_id"] for pots in pots_by_part for pot in pots])
    latest = pots_by_part[-1]
    result = []
    for pot in latest:
        kind = pot["org_kind"]
        per_year = [next((p for p in pots if p["org_kind"] == kind), None) for pots in pots_by_part]
        questions = []
        for q in pot["questions"]:
            if q["type"] not in (*COUNTED_TYPES, DECIMAL):
                continue
            found: list[dict[str, Any] | None] = [None] * len(chain)
            found[-1] = q
            names: list[str] = []
            current: dict[str, Any] | None = q
            for i in range(len(chain) - 1, 0, -1):
                later, earlier = per_year[i], per_year[i - 1]
                if current is None or later is None or earlier is None:
                    break
                crosswalk = crosswalks.get(later["pot_id"]) or {}
                by_name = {e["question"]: e for e in earlier["questions"]}
                current = _earlier_question(current, by_name, crosswalk)
                found[i - 1] = current
                if current is not None and current["question"] != q["question"]:
                    names.append(current["question"])
            first = next(n for n, f in enumerate(found) if f is not None)
            rows = []
            if q["choices"] is not None:
                for choice in q["choices"]:
                    values = []
                    for f in found:
                        counts = (
                            {c["choice"]: c["actors"] for c in (f["choices"] or [])} if f else {}
                        )
                        values.append(counts.get(choice["choice"]) if f else None)
                    rows.append({"label": choice["label"], "values": values})
            elif q["type"] == DECIMAL:
                # Exact decimals as text with a point (`answers._figures_data`), shown in
                # Swedish form; a version stored before decimals were summed has none.
                for label, key in ((_("Summa"), "decimal_sum"), (_("Medelvärde"), "mean")):
                    rows.append(
                        {
                            "label": label,
                            "values": [
                                Decimal(f[key]) if f and f.get(key) else None for f in found
                            ],
                            "decimal": True,
                        }
                    )
            else:
                rows.append(
                    {"label": _("Summa"), "values": [f["sum"] if f else None for f in found]}
                )
            rows.append(
                {"label": _("Har svarat"), "values": [f["answered"] if f else None for f in found]}
            )
            questions.append(
                {
                    "label": q["label"],
                    "rows": rows,
                    "new_series_from": years[first] if first > 0 else None,
                    "earlier_names": names,
                }
            )
        result.append(
            {
                "org_kind_label": pot["org_kind_label"],
                "reporting_actors": [p["reporting_actors"] if p else None for p in per_year],
                "questions": questions,
            }
        )
    return result
