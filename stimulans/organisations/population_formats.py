"""The shapes SCB delivers population in, read into one list of cells: SCB's statistical
database exported as CSV (Swedish or English labels), JSON-stat 2.0 (PxWebApi 2, and PxWebApi 1
with `"format": "json-stat2"`) and PX-Web's own JSON (PxWebApi 1 with `"format": "json"`).

A cell is one number for one region, age, year and breakdown (sex, marital status); the
breakdowns are summed by `population.collect`, which also checks the codes, ages and numbers.
`read_cells(text)` recognises the format by the content.
"""

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from itertools import product

from django.utils.translation import gettext as _

YEAR_RE = re.compile(r"(19|20)\d{2}")
AGE_HEADINGS = ("ålder", "alder", "age")
BREAKDOWN_HEADINGS = ("kön", "kon", "sex", "civilstånd", "civilstand", "marital status")
# Variable codes of SCB's tables (BE0101N1 in BefolkningNy, TAB638 in PxWebApi 2).
REGION_CODES = ("region",)
AGE_CODES = ("alder", "ålder", "age")
TIME_CODES = ("tid", "time", "år", "year")
CONTENTS_CODES = ("contentscode", "contents")
POPULATION_CONTENTS = "be0101n1"


class FormatError(Exception):
    """The file is not in a shape we read; `errors` are Swedish messages."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True)
class Cell:
    where: str  # "Rad 5", "Värde 12": where the user finds it in the file
    region: str  # "0180 Stockholm", "01 Stockholms län", or the code alone
    age: str  # "0 år", "0 years", "100+", "0-4 år", "totalt ålder", "tot"
    breakdown: tuple  # (sex, marital status, ...) as written; summed over
    year: int
    value: object  # text or number as the file has it; None where a JSON value is null


def _normalise(cell):
    return (cell or "").strip().strip('"').strip().lower()


def read_cells(text: str) -> list[Cell]:
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data = json.loads(stripped)
        except ValueError as exc:
            raise FormatError(
                [_("Filen är inte giltig JSON: %(error)s") % {"error": exc.args[0]}]
            ) from exc
        if isinstance(data, dict) and "dimension" in data and "value" in data:
            return read_json_stat(data)
        if isinstance(data, dict) and {"columns", "data"} <= set(data):
            return read_px_json(data)
        raise FormatError(
            [
                _(
                    "JSON-filen är varken JSON-stat 2.0 (”dimension” och ”value”) eller "
                    "PX-Webs JSON (”columns” och ”data”)."
                )
            ]
        )
    return read_csv(text)


def read_csv(text: str) -> list[Cell]:
    """SCB's CSV: title lines, then a header `region`, the categories (`ålder`, `kön`,
    `civilstånd`, or in English `age`, `sex`, `marital status`) in any order, one column per
    year (`2019`, `Folkmängd 2019`, `Population 2019`)."""
    lines = text.splitlines()
    header_index = None
    for i, line in enumerate(lines):
        if _normalise(re.split(r"[,;\t]", line, maxsplit=1)[0]) == "region":
            header_index = i
            break
    if header_index is None:
        raise FormatError([_("Hittar ingen rubrikrad som börjar med kolumnen ”region”.")])
    header_line = lines[header_index]
    delimiter = max([",", ";", "\t"], key=header_line.count)
    reader = csv.reader(io.StringIO("\n".join(lines[header_index:])), delimiter=delimiter)
    header = [_normalise(h) for h in next(reader)]
    line_no = header_index + 1
    errors = []
    age_col = next((i for i, h in enumerate(header) if h in AGE_HEADINGS), None)
    breakdown_cols = [i for i, h in enumerate(header) if i and h in BREAKDOWN_HEADINGS]
    year_cols = {}
    for i, h in enumerate(header):
        if i == 0 or i == age_col or i in breakdown_cols:
            continue
        m = YEAR_RE.search(h)
        if m:
            year_cols[i] = int(m.group(0))
        else:
            errors.append(_("Rad %(line)d: okänd kolumn ”%(col)s”.") % {"line": line_no, "col": h})
    if age_col is None:
        errors.append(_("Rad %(line)d: kolumnen ”ålder” saknas.") % {"line": line_no})
    if not year_cols:
        errors.append(_("Rad %(line)d: ingen kolumn med ett årtal hittades.") % {"line": line_no})
    if errors:
        raise FormatError(errors)
    cells = []
    after_blank = False
    for offset, row in enumerate(reader):
        line_no = header_index + 2 + offset
        if not row or all(not c.strip() for c in row):
            after_blank = True
            continue
        if after_blank and len(row) == 1:
            continue  # SCB's footnotes under the table ("Förklaring av symboler: …")
        where = _("Rad %(line)d") % {"line": line_no}
        if len(row) != len(header):
            errors.append(
                _("Rad %(line)d: %(n)d kolumner, rubriken har %(m)d.")
                % {"line": line_no, "n": len(row), "m": len(header)}
            )
            continue
        breakdown = tuple(_normalise(row[i]) for i in breakdown_cols)
        for col, year in year_cols.items():
            cells.append(
                Cell(where, row[0].strip(), row[age_col].strip(), breakdown, year, row[col])
            )
    if errors:
        raise FormatError(errors)
    return cells


def _dimension_role(code, label):
    key = _normalise(code)
    text = _normalise(label)
    if key in REGION_CODES or text == "region":
        return "region"
    if key in AGE_CODES or text in AGE_HEADINGS:
        return "age"
    if key in TIME_CODES or text in ("år", "year"):
        return "year"
    if key in CONTENTS_CODES:
        return "contents"
    return "breakdown"


def _year(code, label):
    m = YEAR_RE.fullmatch(str(code).strip()) or YEAR_RE.search(str(label))
    if m is None:
        raise FormatError([_("Tiden ”%(value)s” är inte ett årtal.") % {"value": label or code}])
    return int(m.group(0))


def _pick_contents(codes, labels):
    """The index of the population figure among a table's contents (BE0101N1, Folkmängd)."""
    if len(codes) == 1:
        return 0
    for i, (code, label) in enumerate(zip(codes, labels, strict=True)):
        if _normalise(code) == POPULATION_CONTENTS or _normalise(label).startswith(
            ("folkmängd", "population")
        ):
            return i
    raise FormatError(
        [
            _("Tabellen har flera innehåll (%(names)s) och inget av dem är folkmängden.")
            % {"names": ", ".join(labels)}
        ]
    )


def _roles(dimensions, time_codes=()):
    roles = {d: "year" if d in time_codes else _dimension_role(d, label) for d, label in dimensions}
    missing = [
        name
        for role, name in [("region", _("region")), ("age", _("ålder")), ("year", _("år"))]
        if role not in roles.values()
    ]
    if missing:
        raise FormatError(
            [_("Tabellen saknar variabeln %(names)s.") % {"names": ", ".join(missing)}]
        )
    return roles


def read_json_stat(data: dict) -> list[Cell]:
    """JSON-stat 2.0: `id` and `size` name the dimensions in order, each dimension's
    `category.index` gives its codes' positions, `value` is the flat array in row-major order
    (or an object from position to value)."""
    if str(data.get("version", "")) != "2.0" or data.get("class") not in (None, "dataset"):
        raise FormatError([_("JSON-stat-filen ska vara version 2.0 av klassen ”dataset”.")])
    try:
        ids = [str(i) for i in data["id"]]
        sizes = [int(n) for n in data["size"]]
        dims = data["dimension"]
        axes = []
        for dim_id, size in zip(ids, sizes, strict=True):
            category = dims[dim_id]["category"]
            index = category.get("index")
            if index is None:
                codes = list(category["label"])
            elif isinstance(index, list):
                codes = [str(c) for c in index]
            else:
                codes = [c for c, _pos in sorted(index.items(), key=lambda item: item[1])]
            labels = category.get("label") or {}
            if len(codes) != size:
                raise ValueError(dim_id)
            axes.append((dim_id, dims[dim_id].get("label", dim_id), codes, labels))
        values = data["value"]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FormatError(
            [_("JSON-stat-filen saknar id, size, dimension eller value, eller de stämmer inte.")]
        ) from exc
    total = math.prod(sizes)
    if isinstance(values, dict):
        flat = [None] * total
        for pos, value in values.items():
            if not str(pos).isdigit() or int(pos) >= total:
                raise FormatError([_("JSON-stat-filens value har en ogiltig position.")])
            flat[int(pos)] = value
        values = flat
    if not isinstance(values, list):
        raise FormatError([_("JSON-stat-filens value är varken en lista eller ett objekt.")])
    if len(values) != total:
        raise FormatError(
            [
                _("JSON-stat-filen har %(n)s värden, dimensionerna ger %(m)s.")
                % {"n": len(values), "m": total}
            ]
        )
    roles = _roles([(d, label) for d, label, _c, _l in axes])
    contents_pick = {
        i: _pick_contents(codes, [str(labels.get(c, c)) for c in codes])
        for i, (d, _label, codes, labels) in enumerate(axes)
        if roles[d] == "contents"
    }
    cells = []
    ranges = [range(len(codes)) for _d, _label, codes, _l in axes]
    for number, positions in enumerate(product(*ranges)):
        if any(positions[i] != pick for i, pick in contents_pick.items()):
            continue
        cell = {"breakdown": []}
        for (dim_id, _label, codes, labels), pos in zip(axes, positions, strict=True):
            code = codes[pos]
            label = str(labels.get(code, code))
            role = roles[dim_id]
            if role == "region":
                cell["region"] = code
            elif role == "age":
                cell["age"] = code
            elif role == "year":
                cell["year"] = _year(code, label)
            elif role == "breakdown":
                cell["breakdown"].append(code)
        where = _("Värde %(n)d") % {"n": number + 1}
        cells.append(
            Cell(
                where,
                cell["region"],
                cell["age"],
                tuple(cell["breakdown"]),
                cell["year"],
                values[number],
            )
        )
    return cells


def read_px_json(data: dict) -> list[Cell]:
    """PX-Web's JSON (PxWebApi 1, `"format": "json"`): `columns` lists the variables (`type`
    `d` a dimension, `t` the time, `c` a content), each row of `data` has `key` (the codes of
    the dimensions and the time, in column order) and `values` (one text per content)."""
    try:
        columns = [
            (str(c["code"]), str(c.get("text", c["code"])), c.get("type", "d"))
            for c in data["columns"]
        ]
        rows = list(data["data"])
    except (KeyError, TypeError) as exc:
        raise FormatError([_("PX-Web-filens columns eller data har fel form.")]) from exc
    keys = [(code, text) for code, text, kind in columns if kind != "c"]
    contents = [(code, text) for code, text, kind in columns if kind == "c"]
    if not contents:
        raise FormatError([_("PX-Web-filen har ingen kolumn med värden (type ”c”).")])
    pick = _pick_contents([c for c, _t in contents], [t for _c, t in contents])
    roles = _roles(keys, time_codes={code for code, _text, kind in columns if kind == "t"})
    cells = []
    for number, row in enumerate(rows, start=1):
        where = _("Rad %(line)d i data") % {"line": number}
        try:
            key = [str(k) for k in row["key"]]
            value = row["values"][pick]
        except (KeyError, TypeError, IndexError) as exc:
            raise FormatError(
                [_("%(where)s: key eller values saknas.") % {"where": where}]
            ) from exc
        if len(key) != len(keys):
            raise FormatError(
                [
                    _("%(where)s: %(n)d nycklar, kolumnerna har %(m)d.")
                    % {"where": where, "n": len(key), "m": len(keys)}
                ]
            )
        cell = {"breakdown": []}
        for (code, _text), part in zip(keys, key, strict=True):
            role = roles[code]
            if role == "year":
                cell["year"] = _year(part, part)
            elif role == "breakdown":
                cell["breakdown"].append(part)
            else:
                cell[role] = part
        cells.append(
            Cell(where, cell["region"], cell["age"], tuple(cell["breakdown"]), cell["year"], value)
        )
    return cells
