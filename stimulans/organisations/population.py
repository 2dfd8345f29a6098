"""Population figures: SCB's table of population by region, age and year, and look-ups on it.

Accepted file (as exported from SCB's Statistikdatabasen, table "Folkmängden efter region,
ålder, kön och år", to CSV): UTF-8 (with or without BOM) or Windows-1252, comma, semicolon or tab
separated. Title lines before the header are skipped. The header has the columns `region`,
`ålder` and, optionally, `kön`, followed by one column per year (any heading containing a
four-digit year, e.g. `2019` or `Folkmängd 2019`). Region cells are `0180 Stockholm` (a
municipality), `01 Stockholms län` (a county) or `00 Riket` (skipped). Age cells are `0 år` …
`99 år`, `100+ år` (stored as 100) or `totalt ålder` (skipped). Rows per sex are summed. Empty
lines are skipped; anything else that does not fit refuses the whole file.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stimulans.lib.errorlist import capped
from stimulans.lib.numbers import parse_count, thousands
from stimulans.lib.text import clean_text

from .models import County, Organisation, OrganisationKind, PopulationDataset, PopulationFigure

YEAR_RE = re.compile(r"(19|20)\d{2}")
REGION_RE = re.compile(r"^\s*(\d{2}|\d{4})\b")
AGE_RE = re.compile(r"^\s*(\d{1,3})\s*\+?\s*(år)?\s*$", re.IGNORECASE)


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


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return clean_text(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise PopulationImportError([_("Filen kunde inte läsas som text (UTF-8 eller Windows-1252).")])


def _normalise(cell):
    return (cell or "").strip().strip('"').strip().lower()


def parse_population_csv(text: str) -> ParsedPopulation:
    lines = text.splitlines()
    header_index = None
    for i, line in enumerate(lines):
        if _normalise(re.split(r"[,;\t]", line, maxsplit=1)[0]) == "region":
            header_index = i
            break
    if header_index is None:
        raise PopulationImportError([_("Hittar ingen rubrikrad som börjar med kolumnen ”region”.")])
    header_line = lines[header_index]
    delimiter = max([",", ";", "\t"], key=header_line.count)
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter)
    header = [_normalise(h) for h in next(reader)]

    errors = []
    age_col = next((i for i, h in enumerate(header) if h in ("ålder", "alder", "age")), None)
    sex_col = next((i for i, h in enumerate(header) if h in ("kön", "kon", "sex")), None)
    year_cols = {}
    for i, h in enumerate(header):
        if i in (0, age_col, sex_col):
            continue
        m = YEAR_RE.search(h)
        if m:
            year_cols[i] = int(m.group(0))
        else:
            errors.append(
                _("Rad %(line)d: okänd kolumn ”%(col)s”.") % {"line": header_index + 1, "col": h}
            )
    if age_col is None:
        errors.append(_("Rad %(line)d: kolumnen ”ålder” saknas.") % {"line": header_index + 1})
    if not year_cols:
        errors.append(
            _("Rad %(line)d: ingen kolumn med ett årtal hittades.") % {"line": header_index + 1}
        )
    if errors:
        raise PopulationImportError(errors)

    municipality_codes = set(
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).values_list(
            "code", flat=True
        )
    )
    county_codes = set(County.objects.values_list("code", flat=True))
    counts = defaultdict(int)
    seen = set()
    for offset, row in enumerate(reader):
        line_no = header_index + 2 + offset
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            errors.append(
                _("Rad %(line)d: %(n)d kolumner, rubriken har %(m)d.")
                % {"line": line_no, "n": len(row), "m": len(header)}
            )
            continue
        region_cell = row[0].strip()
        m = REGION_RE.match(region_cell)
        if not m:
            errors.append(
                _("Rad %(line)d: regionen ”%(value)s” börjar inte med en kod.")
                % {"line": line_no, "value": region_cell}
            )
            continue
        code = m.group(1)
        if code == "00":
            continue
        if code not in (municipality_codes if len(code) == 4 else county_codes):
            errors.append(
                _("Rad %(line)d: okänd region ”%(value)s”.")
                % {"line": line_no, "value": region_cell}
            )
            continue
        age_cell = row[age_col].strip()
        if _normalise(age_cell).startswith("totalt"):
            continue
        am = AGE_RE.match(age_cell)
        if not am:
            errors.append(
                _("Rad %(line)d: åldern ”%(value)s” går inte att tolka.")
                % {"line": line_no, "value": age_cell}
            )
            continue
        age = int(am.group(1))
        sex = _normalise(row[sex_col]) if sex_col is not None else ""
        key = (code, age, sex)
        if key in seen:
            errors.append(
                _("Rad %(line)d: ”%(region)s”, %(age)s förekommer redan.")
                % {"line": line_no, "region": region_cell, "age": age_cell}
            )
            continue
        seen.add(key)
        for col, year in year_cols.items():
            number = parse_count(row[col])
            if number is None:
                errors.append(
                    _("Rad %(line)d: värdet ”%(value)s” för %(year)d är inte ett heltal ≥ 0.")
                    % {"line": line_no, "value": row[col].strip(), "year": year}
                )
                continue
            counts[(year, code, age)] += number
    if errors:
        raise PopulationImportError(errors)
    if not counts:
        raise PopulationImportError([_("Filen innehåller inga befolkningsuppgifter.")])
    return ParsedPopulation(years=sorted(set(year_cols.values())), counts=dict(counts))


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
    parsed = parse_population_csv(decode(data))
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
                PopulationFigure(dataset=dataset, area_code=code, age=age, count=count)
                for (y, code, age), count in parsed.counts.items()
                if y == year
            ],
            batch_size=2000,
        )
        datasets.append(dataset)
    return datasets


class MissingPopulation(Exception):
    pass


def population_by_organisation(year, kind, age_min=None, age_max=None):
    """Population of every organisation of `kind` for `year`, within the age band if given.

    Regions and county recipients count the population of their county: the sum of its
    municipalities where the dataset has them, else the county's own row.
    Returns {organisation: count}. Raises MissingPopulation naming what is missing.
    """
    dataset = PopulationDataset.objects.filter(year=year).first()
    if dataset is None:
        raise MissingPopulation(_("Befolkningsuppgifter för %(year)s saknas.") % {"year": year})
    figures = dataset.figures.all()
    if age_min is not None:
        figures = figures.filter(age__gte=age_min)
    if age_max is not None:
        figures = figures.filter(age__lte=age_max)
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
