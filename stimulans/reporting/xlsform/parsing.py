"""Parsing an uploaded XLSForm with pyxform into a definition, refusing what the product cannot
use: unsupported types, expressions the evaluator cannot read (naming sheet, row and column),
category choices and measure fields that do not match the pot."""

import io
import re
from zipfile import BadZipFile

from django.utils.translation import gettext as _

from stimulans.lib.errorlist import capped
from stimulans.lib.text import clean_data

from .definitions import (
    COMPUTED_TYPES,
    CONTAINER_TYPES,
    FIELD_TYPES,
    INITIATIVES,
    LOCATION_TYPES,
    MEDIA_TYPES,
    METADATA_TYPES,
    REPORT_INTEGER_FIELDS,
    canonical_type,
    is_literal_flag,
    measure_field_name,
    normalise_types,
    walk,
)
from .expressions import ExpressionError, parse_expression
from .messages import pyxform_message, unreadable_message


class XLSFormError(ValueError):
    def __init__(self, errors):
        self.errors = capped(errors)
        super().__init__("\n".join(self.errors))


def parse_xlsform(content, filename="enkat.xlsx", categories=None, measures=None):
    """Parse XLSForm bytes into pyxform's JSON definition (a dict). Raises XLSFormError listing
    every problem found: pyxform's own errors, unsupported types, expressions our evaluator
    cannot read, and (when given) category choices or measure fields that don't match the pot.

    `categories`: the pot's category slugs; `measures`: the pot's measure codes."""
    # pyxform is heavy and needed only for an upload: loaded here, not with every page.
    from pyxform import xls2xform
    from pyxform.errors import PyXFormError

    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ".xlsx"
    if suffix not in (".xlsx", ".xls", ".csv", ".md"):
        suffix = ".xlsx"
    warnings = []
    try:
        result = xls2xform.convert(io.BytesIO(content), warnings=warnings, file_type=suffix)
    except PyXFormError as exc:  # pyxform's English message, in Swedish (`messages`)
        raise XLSFormError([pyxform_message(exc)]) from exc
    except Exception as exc:  # pyxform raises many kinds on unreadable files
        raise XLSFormError([unreadable_message(exc)]) from exc
    # Labels, hints and choices are shown and exported: no characters XML 1.0 cannot hold.
    definition = clean_data(result._pyxform)
    rows = survey_rows(content, suffix)
    errors = check_sheet_expressions(content, suffix, rows)
    errors += check_definition(
        definition,
        categories=categories,
        measures=measures,
        skip_expressions=errors,
        rows=row_numbers(rows),
    )
    if errors:
        raise XLSFormError(errors)
    return normalise_types(definition)


# Columns of the survey sheet that hold expressions, by their names and pyxform's aliases,
# and the key each becomes in the definition (in `bind`, on the node for choice_filter and
# default, in `control` for repeat_count).
EXPRESSION_COLUMNS = {
    "relevant": "relevant",
    "relevance": "relevant",
    "bind::relevant": "relevant",
    "constraint": "constraint",
    "bind::constraint": "constraint",
    "required": "required",
    "bind::required": "required",
    "calculation": "calculate",
    "calculate": "calculate",
    "bind::calculate": "calculate",
    "choice_filter": "choice_filter",
    "default": "default",
    "repeat_count": "repeat_count",
    "jr:count": "repeat_count",
    "control::jr:count": "repeat_count",
}
EXPRESSION_KEYS = ("relevant", "constraint", "required", "calculate", "choice_filter", "default")
# Columns whose text may quote answers as ${name} (ODK shows the answer in the text).
TEXT_COLUMNS = ("label", "hint", "constraint_message", "required_message", "guidance_hint")
_REFERENCE = re.compile(r"\$\{([^}]*)\}")


def expression_problem(expr, key):
    """Why the evaluator cannot handle `expr` (the value of `key`), or None if it can."""
    if key == "required" and is_literal_flag(expr.strip() if isinstance(expr, str) else expr):
        return None
    if key == "default":
        # pyxform: loaded only for an upload (see parse_xlsform).
        from pyxform.utils import default_is_dynamic

        if not default_is_dynamic(expr):
            return None  # a fixed default value, not an expression
    if key == "repeat_count" and isinstance(expr, int | float):
        return None
    try:
        parse_expression(str(expr), choice_filter=key == "choice_filter")
    except ExpressionError as exc:
        return str(exc)
    return None


def node_expressions(node):
    """[(key, expression)] of one node of the definition: question, group or repeat."""
    bind = node.get("bind") or {}
    found = [(key, bind.get(key)) for key in ("relevant", "constraint", "required", "calculate")]
    found.append(("choice_filter", node.get("choice_filter")))
    found.append(("default", node.get("default")))
    found.append(("repeat_count", (node.get("control") or {}).get("jr:count")))
    return [(key, expr) for key, expr in found if expr not in (None, "")]


def text_references(node):
    """The ${name} quoted in a node's label, hint and messages (every language)."""
    bind = node.get("bind") or {}
    texts = [node.get("label"), node.get("hint"), bind.get("jr:constraintMsg")]
    texts.append(bind.get("jr:requiredMsg"))
    found = []
    for text in texts:
        for value in text.values() if isinstance(text, dict) else [text]:
            if isinstance(value, str):
                found += _REFERENCE.findall(value)
    return found


def _column_letters(content, suffix):
    """{header: column letter} of the survey sheet of an .xlsx file; {} for other formats."""
    if suffix != ".xlsx":
        return {}
    # openpyxl is heavy and needed only for an upload: loaded here, not with every page.
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError):
        return {}  # pyxform read the file; the messages then name the column without its letter
    try:
        sheets = [ws for ws in workbook.worksheets if ws.title.lower() == "survey"]
        if not sheets and len(workbook.worksheets) == 1:
            sheets = workbook.worksheets
        if not sheets:
            return {}
        first = next(sheets[0].iter_rows(max_row=1, values_only=True), ())
        return {
            re.sub(r"\s+", " ", str(h).strip()): get_column_letter(n)
            for n, h in enumerate(first, start=1)
            if h is not None
        }
    finally:
        workbook.close()


def survey_rows(content, suffix):
    """The survey sheet's rows as pyxform reads them, numbered as in the sheet: [(row, {column:
    value})]. [] if pyxform cannot read it here."""
    # pyxform: loaded only for an upload (see parse_xlsform).
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_xlsform

    try:
        rows = get_xlsform(io.BytesIO(content), file_type=suffix).survey or []
    except PyXFormError:
        return []  # pyxform read it a moment ago; should it not now, check_definition reports
    # pyxform keeps empty rows, so that row n of the list is row n + 2 of the sheet.
    return list(enumerate(rows, start=2))


def row_numbers(rows):
    """{question name: [rows of the survey sheet with that name]}, in sheet order."""
    numbers: dict[str, list[int]] = {}
    for n, row in rows:
        if row.get("name"):
            numbers.setdefault(str(row["name"]).strip(), []).append(n)
    return numbers


def _where(row, name, column=None, letter=None):
    """”Bladet ”survey”, rad 5, frågan ”x”, kolumn F (”relevant”)” as far as known."""
    parts = [_("Bladet ”survey”, rad %(row)d") % {"row": row}]
    if name:
        parts.append(_("frågan ”%(name)s”") % {"name": name})
    if column and letter:
        parts.append(_("kolumn %(letter)s (”%(column)s”)") % {"letter": letter, "column": column})
    elif column:
        parts.append(_("kolumnen ”%(column)s”") % {"column": column})
    return ", ".join(parts)


def check_sheet_expressions(content, suffix, rows=None):
    """Every expression of the survey sheet the evaluator cannot handle, as Swedish messages
    naming the sheet, row, question and column and the expression. [] if the sheet cannot be
    read here (then `check_definition` names the question instead)."""
    rows = survey_rows(content, suffix) if rows is None else rows
    letters = _column_letters(content, suffix)
    errors = []
    for number, row in rows:
        name = str(row.get("name") or "").strip()
        for column, expr in row.items():
            key = EXPRESSION_COLUMNS.get(str(column).strip().lower())
            if key is None or expr in (None, ""):
                continue
            problem = expression_problem(expr, key)
            if problem is None:
                continue
            errors.append(
                _("%(where)s: uttrycket ”%(expr)s” kan inte tolkas: %(err)s")
                % {
                    "where": _where(number, name, column, letters.get(column)),
                    "expr": expr,
                    "err": problem,
                }
            )
    return errors


def _kind_problem(node, kind):
    """Why a question of this (canonical) type is refused, or None."""
    if kind in MEDIA_TYPES:
        return _(
            "typen ”%(type)s” (%(what)s) kan inte användas: en redovisning handlar om "
            "organisationer, och bilder, ljud, video, streckkoder och filer kan röra enskilda "
            "personer. Bifoga dokument till redovisningen i stället."
        ) % {"type": kind, "what": _media_names().get(kind, kind)}
    if kind in LOCATION_TYPES:
        return _(
            "typen ”%(type)s” (%(what)s) kan inte användas: en redovisning handlar om "
            "organisationer, inte om var någon befinner sig. Fråga efter kommun eller län "
            "med ett val i stället."
        ) % {"type": kind, "what": _media_names().get(kind, kind)}
    if kind in ("select one external", "xml-external", "csv-external"):
        return _(
            "typen ”%(type)s” hämtar alternativ eller data från en extern fil, vilket inte "
            "stöds. Skriv alternativen på bladet ”choices”."
        ) % {"type": kind}
    itemset = str(node.get("itemset") or "")
    if kind in ("select one", "select all that apply") and itemset.lower().endswith(
        (".csv", ".xml", ".geojson")
    ):
        return _(
            "alternativen hämtas från filen ”%(file)s”, vilket inte stöds. Skriv alternativen "
            "på bladet ”choices”."
        ) % {"file": itemset}
    if kind in FIELD_TYPES or kind in COMPUTED_TYPES or kind in METADATA_TYPES:
        return None
    return _(
        "typen ”%(type)s” stöds inte. Typer som stöds: text, integer, decimal, range, "
        "select_one, select_multiple, date, time, dateTime, note, acknowledge, calculate, "
        "hidden, metadata (start, end, today, username, deviceid), grupper och upprepningar."
    ) % {"type": kind}


def _media_names():
    return {
        "image": _("bild"),
        "audio": _("ljud"),
        "background-audio": _("ljudinspelning i bakgrunden"),
        "video": _("video"),
        "file": _("fil"),
        "barcode": _("streckkod"),
        "geopoint": _("plats"),
        "start-geopoint": _("plats"),
        "geotrace": _("linje på en karta"),
        "geoshape": _("område på en karta"),
    }


def check_definition(definition, categories=None, measures=None, skip_expressions=(), rows=None):
    """Problems that pyxform accepts but this product cannot handle. Returns Swedish messages
    naming the sheet and row (`rows`: {name: row of the survey sheet}) and the question.
    Expressions already reported in `skip_expressions` (messages that quote them) are not
    reported again."""
    rows = rows or {}
    errors = []
    names = {}
    known = {node.get("name") for node, _repeat in walk(definition)}
    seen: dict[str, int] = {}

    def where(name, kind):
        found = rows.get(name) or []
        if found:
            return _where(found[min(seen.get(name, 1), len(found)) - 1], name)
        if kind == "group":
            return _("Gruppen ”%(name)s”") % {"name": name}
        if kind == "repeat":
            return _("Upprepningen ”%(name)s”") % {"name": name}
        return _("Frågan ”%(name)s”") % {"name": name}

    for node, repeat in walk(definition):
        name = node.get("name")
        seen[name] = seen.get(name, 0) + 1
        kind = canonical_type(node.get("type"))
        for key, expr in node_expressions(node):
            problem = expression_problem(expr, key)
            if problem is None or any(f"”{expr}”" in m for m in skip_expressions):
                continue
            errors.append(
                _("%(where)s: uttrycket ”%(expr)s” kan inte tolkas: %(err)s")
                % {"where": where(name, kind), "expr": expr, "err": problem}
            )
        for ref in text_references(node):
            if ref not in known:
                errors.append(
                    _("%(where)s: texten hänvisar till ${%(ref)s}, som inte finns i formuläret.")
                    % {"where": where(name, kind), "ref": ref}
                )
        if kind == "loop":
            errors.append(
                _(
                    "%(where)s: ”begin_loop” stöds inte; använd en upprepning (begin_repeat) "
                    "eller en fråga per alternativ."
                )
                % {"where": where(name, kind)}
            )
            continue
        if kind in CONTAINER_TYPES:
            if kind == "repeat" and repeat is not None:
                errors.append(
                    _("%(where)s: upprepningen ligger i en annan upprepning; det stöds inte.")
                    % {"where": where(name, kind)}
                )
            continue
        problem = _kind_problem(node, kind)
        if problem is not None:
            errors.append(
                _("%(where)s: %(problem)s") % {"where": where(name, kind), "problem": problem}
            )
            continue
        if kind not in FIELD_TYPES:
            continue
        if name in names:
            errors.append(
                _(
                    "%(where)s: namnet används redan av en annan fråga. Svaren sparas per namn, "
                    "så namnen måste vara unika i hela formuläret (även i olika grupper)."
                )
                % {"where": where(name, kind)}
            )
        names[name] = node
        if name in REPORT_INTEGER_FIELDS or name == "funds_sek":
            if kind != "integer":
                errors.append(
                    _("Frågan ”%(name)s” ska ha typen integer (hela kronor).") % {"name": name}
                )
        if categories is not None and name == "category" and repeat == INITIATIVES:
            unknown = [c["name"] for c in node.get("choices", []) if c["name"] not in categories]
            if unknown:
                errors.append(
                    _("Kategorierna %(cats)s finns inte i pottens lista över insatskategorier.")
                    % {"cats": ", ".join(unknown)}
                )
    if measures is not None:
        for code in measures:
            fname = measure_field_name(code)
            if fname in names and names[fname].get("type") != "integer":
                errors.append(_("Måttet ”%(name)s” ska ha typen integer.") % {"name": fname})
    return errors
