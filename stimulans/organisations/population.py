"""Population figures: SCB's table of population by region, age and year, and look-ups on it.

Accepted files (`population_formats` reads them; the format is recognised by the content):
SCB's statistical database exported as CSV, Swedish or English labels, UTF-8 (with or without
BOM) or Windows-1252, comma, semicolon or tab separated; JSON-stat 2.0 (PxWebApi 2, PxWebApi 1
`json-stat2`); PX-Web's JSON (PxWebApi 1 `json`). Regions are `0180 Stockholm` (a municipality),
`01 Stockholms län` / `01 Stockholm county` (a county) or `00 Riket` (skipped), or the codes
alone in JSON. Ages are `0 år` … `100+ år` (stored as 100), `0 years`, codes `0` … `100+`, or
groups such as `0-4 år` (stored with their span); totals are skipped. Rows per sex and marital
status are summed. Anything that does not fit refuses the whole file.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stimulans.lib.errorlist import capped
from stimulans.lib.numbers import parse_count, thousands
from stimulans.lib.text import clean_text

from .models import County, Organisation, OrganisationKind, PopulationDataset, PopulationFigure
from .population_formats import FormatError, read_cells

REGION_RE = re.compile(r"^\s*(\d{2}|\d{4})\b")
UNIT = r"(år|years?)"
AGE_RE = re.compile(rf"^\s*(\d{{1,3}})\s*\+?\s*{UNIT}?\s*$", re.IGNORECASE)
AGE_GROUP_RE = re.compile(rf"^\s*(\d{{1,3}})\s*[-–]\s*(\d{{1,3}})\s*{UNIT}?\s*$", re.IGNORECASE)
# Breakdown values that are the sum of the others (a total row beside the rows it sums).
TOTALS = ("totalt", "total", "tot", "samtliga", "män och kvinnor", "men and women", "1+2")


class PopulationImportError(Exception):
    def __init__(self, errors):
        self.errors = capped(errors)
        super().__init__("\n".join(self.errors))


class PartialPopulationError(PopulationImportError):
    """The file covers only part of the country for a year that already has figures: importing
    it would leave organisations without figures. `losses` is [(year, organisations)]."""

    def __init__(self, losses):
        self.losses = losses
        super().__init__([_loss_message(year, organisations) for year, organisations in losses])


def _loss_message(year, organisations):
    kinds = [
        (OrganisationKind.MUNICIPALITY, _("kommuner")),
        (OrganisationKind.REGION, _("regioner")),
        (OrganisationKind.COUNTY, _("län")),
    ]
    detail = ", ".join(
        f"{label}: {thousands(n)}"
        for kind, label in kinds
        if (n := sum(1 for o in organisations if o.kind == kind))
    )
    count = len(organisations)
    return ngettext(
        "%(year)s: %(count)s organisation har befolkningsuppgifter i dag men saknas i filen och "
        "skulle förlora dem (%(detail)s).",
        "%(year)s: %(count)s organisationer har befolkningsuppgifter i dag men saknas i filen "
        "och skulle förlora dem (%(detail)s).",
        count,
    ) % {"year": year, "count": thousands(count), "detail": detail}


@dataclass
class ParsedPopulation:
    years: list
    # (year, area_code, age) -> count
    counts: dict = field(default_factory=dict)
    # (year, area_code, age) -> the number of years the figure covers (5 for "0-4 år")
    spans: dict = field(default_factory=dict)


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return clean_text(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise PopulationImportError([_("Filen kunde inte läsas som text (UTF-8 eller Windows-1252).")])


def _is_total(value):
    value = str(value).strip().lower()
    return value in TOTALS or value.startswith(("totalt", "total "))


def parse_age(text):
    """(age, span) of an age cell: `0 år`/`0 years`/`0` → (0, 1), `100+ år` → (100, 1),
    `0-4 år` → (0, 5); None for a total (`totalt ålder`, `tot`); raises ValueError."""
    text = str(text).strip()
    if _is_total(text):
        return None
    if m := AGE_RE.match(text):
        return int(m.group(1)), 1
    if (m := AGE_GROUP_RE.match(text)) and int(m.group(1)) <= int(m.group(2)):
        return int(m.group(1)), int(m.group(2)) - int(m.group(1)) + 1
    raise ValueError(text)


def _count(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    return parse_count(str(value)) if value is not None else None


def parse_population(text: str) -> ParsedPopulation:
    """Any of SCB's shapes (`population_formats.read_cells`), checked and summed over the
    breakdowns (sex, marital status). Raises PopulationImportError listing every problem."""
    try:
        cells = read_cells(text)
    except FormatError as exc:
        raise PopulationImportError(exc.errors) from exc
    return collect(cells)


def _without_totals(cells):
    """Total rows of a breakdown (`totalt`, `män och kvinnor`) where the file also has the rows
    they sum would be counted twice: those are left out."""
    width = max((len(c.breakdown) for c in cells), default=0)
    detailed = [any(not _is_total(c.breakdown[i]) for c in cells) for i in range(width)]
    return [
        c for c in cells if not any(detailed[i] and _is_total(v) for i, v in enumerate(c.breakdown))
    ]


def collect(cells) -> ParsedPopulation:
    municipality_codes = set(
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).values_list(
            "code", flat=True
        )
    )
    county_codes = set(County.objects.values_list("code", flat=True))
    errors = {}  # where -> message (one per row)
    counts = defaultdict(int)
    spans = {}
    seen = set()
    for cell in _without_totals(cells):
        if cell.where in errors:
            continue
        m = REGION_RE.match(cell.region)
        if not m:
            errors[cell.where] = _("%(where)s: regionen ”%(value)s” börjar inte med en kod.") % {
                "where": cell.where,
                "value": cell.region,
            }
            continue
        code = m.group(1)
        if code == "00":
            continue
        if code not in (municipality_codes if len(code) == 4 else county_codes):
            errors[cell.where] = _("%(where)s: okänd region ”%(value)s”.") % {
                "where": cell.where,
                "value": cell.region,
            }
            continue
        try:
            age = parse_age(cell.age)
        except ValueError:
            errors[cell.where] = _("%(where)s: åldern ”%(value)s” går inte att tolka.") % {
                "where": cell.where,
                "value": cell.age,
            }
            continue
        if age is None:
            continue
        key = (cell.year, code, age, cell.breakdown)
        if key in seen:
            errors[cell.where] = _("%(where)s: ”%(region)s”, %(age)s förekommer redan.") % {
                "where": cell.where,
                "region": cell.region,
                "age": cell.age,
            }
            continue
        seen.add(key)
        number = _count(cell.value)
        if number is None:
            errors[cell.where] = _(
                "%(where)s: värdet ”%(value)s” för %(year)d är inte ett heltal ≥ 0."
            ) % {
                "where": cell.where,
                "value": "" if cell.value is None else str(cell.value).strip(),
                "year": cell.year,
            }
            continue
        counts[(cell.year, code, age[0])] += number
        spans[(cell.year, code, age[0])] = age[1]
    errors_list = list(errors.values()) + _overlaps(spans)
    if errors_list:
        raise PopulationImportError(errors_list)
    if not counts:
        raise PopulationImportError([_("Filen innehåller inga befolkningsuppgifter.")])
    return ParsedPopulation(
        years=sorted({year for year, _code, _age in counts}), counts=dict(counts), spans=spans
    )


def _overlaps(spans):
    """Age groups of one region and year that cover the same ages (`0 år` beside `0-4 år`)."""
    by_area = defaultdict(list)
    for (year, code, age), span in spans.items():
        by_area[(year, code)].append((age, age + span - 1))
    errors = []
    for (year, code), groups in sorted(by_area.items()):
        groups.sort()
        for (_low, high), (low2, high2) in zip(groups, groups[1:], strict=False):
            if low2 <= high:
                errors.append(
                    _("%(year)s, region %(code)s: åldrarna %(first)s och %(second)s överlappar.")
                    % {
                        "year": year,
                        "code": code,
                        "first": _age_label(_low, high),
                        "second": _age_label(low2, high2),
                    }
                )
                break
    return errors


def _age_label(low, high):
    if low == high:
        return _("%(age)s år") % {"age": low}
    return _("%(low)s–%(high)s år") % {"low": low, "high": high}


def _with_figures(codes, organisations):
    """The organisations that have population figures when a dataset holds these area codes:
    municipalities by their own code, regions and county recipients by their county's code or
    any of its municipalities (see population_by_organisation)."""
    counties = {c for c in codes if len(c) == 2}
    counties |= {
        o.county.code
        for o in organisations
        if o.kind == OrganisationKind.MUNICIPALITY and o.code in codes
    }
    return {
        o
        for o in organisations
        if (
            o.code in codes
            if o.kind == OrganisationKind.MUNICIPALITY
            else o.county.code in counties
        )
    }


def organisations_losing_figures(year, codes):
    """Organisations that have figures for `year` now and would have none with a dataset of
    `codes` instead, in code order."""
    existing = set(
        PopulationFigure.objects.filter(dataset__year=year)
        .values_list("area_code", flat=True)
        .distinct()
    )
    if not existing:
        return []
    organisations = list(Organisation.objects.select_related("county"))
    lost = _with_figures(existing, organisations) - _with_figures(set(codes), organisations)
    return sorted(lost, key=lambda o: (o.kind, o.code))


@transaction.atomic
def import_population(
    data: bytes, *, source, official=True, filename="", user=None, replace_year=False
):
    """Import an SCB population file; replaces the datasets of the years it holds.

    A file that would leave organisations without figures for a year that has them (a file
    for part of the country) is refused with PartialPopulationError naming how many, unless
    `replace_year` is true. All-or-nothing: raises PopulationImportError listing every bad row,
    and writes nothing. Returns the datasets created.
    """
    parsed = parse_population(decode(data))
    if not replace_year:
        losses = []
        for year in parsed.years:
            codes = {code for (y, code, _age) in parsed.counts if y == year}
            lost = organisations_losing_figures(year, codes)
            if lost:
                losses.append((year, lost))
        if losses:
            raise PartialPopulationError(losses)
    datasets = []
    for year in parsed.years:
        PopulationDataset.objects.filter(year=year).delete()
        dataset = PopulationDataset.objects.create(
            year=year, source=source, official=official, filename=filename, imported_by=user
        )
        PopulationFigure.objects.bulk_create(
            [
                PopulationFigure(
                    dataset=dataset,
                    area_code=code,
                    age=age,
                    age_span=parsed.spans[(y, code, age)],
                    count=count,
                )
                for (y, code, age), count in parsed.counts.items()
                if y == year
            ],
            batch_size=2000,
        )
        datasets.append(dataset)
    return datasets


class MissingPopulation(Exception):
    pass


# The oldest age a file has (SCB: `100+ år`): an age band without an upper limit ends here.
MAX_AGE = 150


class AgeGroupsDoNotFit(MissingPopulation):
    """The year's figures are in age groups (SCB's 5-year groups) that an age band cuts through:
    the band's share of those groups is unknown."""

    def __init__(self, year, low, high, groups):
        if high >= MAX_AGE:
            band = _("%(low)s år och äldre") % {"low": low}
        else:
            band = _age_label(low, high)
        super().__init__(
            _(
                "Befolkningsuppgifterna för %(year)s är i åldersgrupper som inte följer "
                "åldersintervallet %(band)s (%(groups)s): hur många i gruppen som hör till "
                "intervallet går inte att veta. Importera SCB:s tabell med ettårsklasser "
                "(0 år, 1 år, …), eller välj ett intervall som börjar och slutar där grupperna gör."
            )
            % {
                "year": year,
                "band": band,
                "groups": ", ".join(_age_label(a, b) for a, b in groups[:5]),
            }
        )


def population_by_organisation(year, kind, age_min=None, age_max=None):
    """Population of every organisation of `kind` for `year`, within the age band if given.

    Regions and county recipients count the population of their county: the sum of its
    municipalities where the dataset has them, else the county's own row.
    Returns {organisation: count}. Raises MissingPopulation naming what is missing, or
    AgeGroupsDoNotFit when the dataset's age groups (5-year groups) cross the band's limits.
    """
    dataset = PopulationDataset.objects.filter(year=year).first()
    if dataset is None:
        raise MissingPopulation(_("Befolkningsuppgifter för %(year)s saknas.") % {"year": year})
    figures = dataset.figures.annotate(top=F("age") + F("age_span") - 1)
    low = 0 if age_min is None else age_min
    high = MAX_AGE if age_max is None else age_max
    crossing = sorted(
        figures.filter(age__lte=high, top__gte=low)
        .exclude(age__gte=low, top__lte=high)
        .values_list("age", "top")
        .distinct()
    )
    if crossing:
        raise AgeGroupsDoNotFit(year, low, high, crossing)
    figures = figures.filter(age__gte=low, top__lte=high)
    by_area = dict(
        figures.values("area_code").annotate(total=Sum("count")).values_list("area_code", "total")
    )
    organisations = Organisation.objects.filter(kind=kind).select_related("county")
    result = {}
    missing = []
    if kind == OrganisationKind.MUNICIPALITY:
        for org in organisations:
            if org.code in by_area:
                result[org] = by_area[org.code]
            else:
                missing.append(org.name)
    else:
        municipality_county = dict(
            Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).values_list(
                "code", "county__code"
            )
        )
        per_county = defaultdict(int)
        has_municipalities = set()
        for code, total in by_area.items():
            if len(code) == 4:
                per_county[municipality_county[code]] += total
                has_municipalities.add(municipality_county[code])
        for org in organisations:
            c = org.county.code
            if c in has_municipalities:
                result[org] = per_county[c]
            elif c in by_area:
                result[org] = by_area[c]
            else:
                missing.append(org.name)
    if missing:
        raise MissingPopulation(
            _("Befolkningsuppgifter för %(year)s saknas för: %(names)s.")
            % {"year": year, "names": ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")}
        )
    return result
