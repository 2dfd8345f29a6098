"""Official statistics imported beside the reports (e.g. Kolada or SCB): the files read into
`StatisticValue` rows, all or nothing, and the sums per county and for the country that the
indicators built on statistics use.

Two inputs: Kolada's open API `data` response (v2/v3: `{"values": [{"kpi", "municipality",
"period", "values": [{"gender", "count", "status", "value"}]}]}`, the total `T` taken), and a CSV
with the columns `series,org_kind,org_code,year,value`."""

import csv
import io
import json
import re
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.organisations.models import County

from .models import StatisticOrgKind, StatisticValue

SOURCES = ("kolada", "csv")
CSV_COLUMNS = ["series", "org_kind", "org_code", "year", "value"]
COUNTRY_CODE = "0000"
ORG_KINDS = {
    "country": StatisticOrgKind.COUNTRY,
    "riket": StatisticOrgKind.COUNTRY,
    "region": StatisticOrgKind.REGION,
    "län": StatisticOrgKind.REGION,
    "municipality": StatisticOrgKind.MUNICIPALITY,
    "kommun": StatisticOrgKind.MUNICIPALITY,
}
SERIES_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,100}$")


class StatisticsImportError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def _decimal(text):
    text = str(text).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
        return None
    return value.quantize(Decimal("0.000001"))


def _year(text):
    text = str(text).strip()
    return int(text) if re.fullmatch(r"(19|20)\d\d", text) else None


class _Rows:
    """Collects checked rows and the errors, each naming its place in the file."""

    def __init__(self):
        self.counties = set(County.objects.values_list("code", flat=True))
        self.rows = {}
        self.errors = []

    def add(self, where, series, kind, code, year, value):
        problems = []
        if not SERIES_RE.match(series or ""):
            problems.append(_("serien ”%(s)s” är ingen giltig kod") % {"s": series})
        if kind is None:
            problems.append(_("områdestypen är inte country, region eller municipality"))
        elif kind == StatisticOrgKind.REGION and code not in self.counties:
            problems.append(_("länskoden ”%(c)s” finns inte") % {"c": code})
        elif kind == StatisticOrgKind.MUNICIPALITY and not (
            re.fullmatch(r"\d{4}", code) and code[:2] in self.counties
        ):
            problems.append(_("kommunkoden ”%(c)s” är inte fyra siffror i ett län") % {"c": code})
        if year is None:
            problems.append(_("året är inte ett årtal"))
        if value is None:
            problems.append(_("värdet är inte ett tal"))
        key = (series, kind, code, year)
        if not problems and key in self.rows:
            problems.append(_("samma serie, område och år finns redan i filen"))
        if problems:
            self.errors.append(f"{where}: {'; '.join(problems)}")
        else:
            self.rows[key] = value


def _kolada_area(municipality):
    """Kolada's area id: 0000 the country, 00NN the region of county NN, else a municipality."""
    code = str(municipality).strip()
    if code == COUNTRY_CODE:
        return StatisticOrgKind.COUNTRY, COUNTRY_CODE
    if re.fullmatch(r"00\d\d", code):
        return StatisticOrgKind.REGION, code[2:]
    return StatisticOrgKind.MUNICIPALITY, code


def _read_kolada(data, rows):
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StatisticsImportError([_("Filen är inte JSON: %(e)s") % {"e": exc}]) from exc
    items = doc.get("values") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise StatisticsImportError(
            [_("Filen är inget svar från Koladas data-API (listan ”values” saknas).")]
        )
    for n, item in enumerate(items, start=1):
        where = _("Post %(n)d") % {"n": n}
        if not isinstance(item, dict) or not isinstance(item.get("values"), list):
            rows.errors.append(f"{where}: " + _("saknar kpi, municipality, period eller values"))
            continue
        total = [v for v in item["values"] if isinstance(v, dict) and v.get("gender") == "T"]
        if not total or total[0].get("value") is None:
            continue  # Kolada's missing value (status "Saknas"): nothing to import.
        kind, code = _kolada_area(item.get("municipality", ""))
        rows.add(
            where,
            str(item.get("kpi", "")),
            kind,
            code,
            _year(item.get("period", "")),
            _decimal(total[0]["value"]),
        )


def _read_csv(data, rows):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StatisticsImportError([_("Filen är inte UTF-8.")]) from exc
    dialect = csv.excel_tab if "\t" in text.partition("\n")[0] else None
    if dialect is None and ";" in text.partition("\n")[0]:
        reader = csv.DictReader(io.StringIO(text), delimiter=";")
    else:
        reader = csv.DictReader(io.StringIO(text), dialect=dialect or csv.excel)
    header = [h.strip() for h in reader.fieldnames or []]
    if header != CSV_COLUMNS:
        raise StatisticsImportError(
            [_("Kolumnerna ska vara %(cols)s.") % {"cols": ",".join(CSV_COLUMNS)}]
        )
    reader.fieldnames = header
    for n, line in enumerate(reader, start=2):
        if not any((v or "").strip() for v in line.values()):
            continue
        kind = ORG_KINDS.get((line["org_kind"] or "").strip().lower())
        code = (line["org_code"] or "").strip()
        if kind == StatisticOrgKind.COUNTRY:
            code = COUNTRY_CODE
        rows.add(
            _("Rad %(n)d") % {"n": n},
            (line["series"] or "").strip(),
            kind,
            code,
            _year(line["year"] or ""),
            _decimal(line["value"] or ""),
        )


def import_statistics(data: bytes, source: str) -> int:
    """Read the file and save its values (a value already there for the same series, area and
    year is replaced). Nothing is saved when any row is wrong; every wrong row is listed."""
    if source not in SOURCES:
        raise StatisticsImportError([_("Okänd källa: %(s)s") % {"s": source}])
    rows = _Rows()
    (_read_kolada if source == "kolada" else _read_csv)(data, rows)
    if rows.errors:
        raise StatisticsImportError(rows.errors)
    if not rows.rows:
        raise StatisticsImportError([_("Filen innehåller inga värden.")])
    with transaction.atomic():
        for (series, kind, code, year), value in rows.rows.items():
            StatisticValue.objects.update_or_create(
                series=series,
                org_kind=kind,
                org_code=code,
                year=year,
                defaults={"value": value, "source": source},
            )
    return len(rows.rows)


def series_by_county(years, series, additive=True):
    """{(series, year): {"country": Decimal|None, county code: Decimal}}: a county's figure is its
    region's where imported, else (when the series is `additive`, a count) the sum of its
    municipalities'. "country" is the imported figure for the whole country, if any."""
    found: dict = {}
    for s, kind, code, year, value in StatisticValue.objects.filter(
        year__in=years, series__in=series
    ).values_list("series", "org_kind", "org_code", "year", "value"):
        found.setdefault((s, year), []).append((kind, code, value))
    out = {}
    for key, items in found.items():
        counties: dict = {}
        if additive:
            for k, c, v in items:
                if k == StatisticOrgKind.MUNICIPALITY:
                    counties[c[:2]] = counties.get(c[:2], Decimal(0)) + v
        counties.update({c: v for k, c, v in items if k == StatisticOrgKind.REGION})
        country = [v for k, _c, v in items if k == StatisticOrgKind.COUNTRY]
        out[key] = {**counties, "country": country[0] if country else None}
    return out
