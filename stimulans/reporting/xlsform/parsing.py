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
    CONTAINER_TYPES,
    FIELD_TYPES,
    INITIATIVES,
    REPORT_INTEGER_FIELDS,
    is_literal_flag,
    measure_field_name,
    walk,
)
from .expressions import ExpressionError, parse_expression


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
    except PyXFormError as exc:
        raise XLSFormError([_("Fel i XLSForm: %(err)s") % {"err": exc}]) from exc
    except Exception as exc:  # pyxform raises many kinds on unreadable files
        raise XLSFormError(
            [_("Filen kunde inte läsas som XLSForm: %(err)s") % {"err": exc}]
        ) from exc
    # Labels, hints and choices are shown and exported: no characters XML 1.0 cannot hold.
    definition = clean_data(result._pyxform)
    errors = check_sheet_expressions(content, suffix)
    errors += check_definition(
        definition, categories=categories, measures=measures, skip_expressions=errors
    )
    if errors:
        raise XLSFormError(errors)
    return definition


# Columns of the survey sheet that hold expressions, by their names and pyxform's aliases,
# and the key each becomes in the definition (in `bind`, or on the node for choice_filter).
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
}
EXPRESSION_KEYS = ("relevant", "constraint", "required", "calculate", "choice_filter")


def expression_problem(expr, key):
    """Why the evaluator cannot handle `expr` (the value of `key`), or None if it can."""
    if key == "required" and is_literal_flag(expr.strip() if isinstance(expr, str) else expr):
        return None
    try:
        parse_expression(expr)
    except ExpressionError as exc:
        return str(exc)
    return None


def node_expressions(node):
    """[(key, expression)] of one node of the definition: question, group or repeat."""
    bind = node.get("bind") or {}
    found = [(key, bind.get(key)) for key in EXPRESSION_KEYS if key != "choice_filter"]
    found.append(("choice_filter", node.get("choice_filter")))
    return [(key, expr) for key, expr in found if expr not in (None, "")]


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


def check_sheet_expressions(content, suffix):
    """Every expression of the survey sheet the evaluator cannot handle, as Swedish messages
    naming the sheet, row and column and the expression. [] if the sheet cannot be read here
    (then `check_definition` names the question instead)."""
    # pyxform: loaded only for an upload (see parse_xlsform).
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_xlsform

    try:
        rows = get_xlsform(io.BytesIO(content), file_type=suffix).survey or []
    except PyXFormError:
        return []  # pyxform read it a moment ago; should it not now, check_definition reports
    letters = _column_letters(content, suffix)
    errors = []
    # pyxform keeps empty rows, so that row n of the list is row n + 2 of the sheet.
    for number, row in enumerate(rows, start=2):
        for column, expr in row.items():
            key = EXPRESSION_COLUMNS.get(str(column).strip().lower())
            if key is None or expr in (None, ""):
                continue
            problem = expression_problem(expr, key)
            if problem is None:
                continue
            values = {"row": number, "column": column, "expr": expr, "err": problem}
            if column in letters:
                errors.append(
                    _(
                        "Bladet ”survey”, rad %(row)d, kolumn %(letter)s (”%(column)s”): "
                        "uttrycket ”%(expr)s” kan inte tolkas: %(err)s"
                    )
                    % {**values, "letter": letters[column]}
                )
            else:
                errors.append(
                    _(
                        "Bladet ”survey”, rad %(row)d, kolumnen ”%(column)s”: "
                        "uttrycket ”%(expr)s” kan inte tolkas: %(err)s"
                    )
                    % values
                )
    return errors


def check_definition(definition, categories=None, measures=None, skip_expressions=()):
    """Problems that pyxform accepts but this product cannot handle. Returns Swedish messages.
    Expressions already reported in `skip_expressions` (messages that quote them) are not
    reported again."""
    errors = []
    names = {}
    for node, repeat in walk(definition):
        name = node.get("name")
        kind = node.get("type")
        for key, expr in node_expressions(node):
            problem = expression_problem(expr, key)
            if problem is None or any(f"”{expr}”" in m for m in skip_expressions):
                continue
            if kind == "group":
                message = _("Gruppen ”%(name)s”: uttrycket ”%(expr)s” kan inte tolkas: %(err)s")
            elif kind == "repeat":
                message = _(
                    "Upprepningen ”%(name)s”: uttrycket ”%(expr)s” kan inte tolkas: %(err)s"
                )
            else:
                message = _("Frågan ”%(name)s”: uttrycket ”%(expr)s” kan inte tolkas: %(err)s")
            errors.append(message % {"name": name, "expr": expr, "err": problem})
        if kind in CONTAINER_TYPES:
            if kind == "repeat" and repeat is not None:
                errors.append(
                    _("Upprepningen ”%(name)s” ligger i en annan upprepning; det stöds inte.")
                    % {"name": name}
                )
            continue
        if kind not in FIELD_TYPES:
            errors.append(
                _("Frågan ”%(name)s” har typen ”%(type)s” som inte stöds.")
                % {"name": name, "type": kind}
            )
            continue
        if name in names:
            errors.append(_("Namnet ”%(name)s” används två gånger.") % {"name": name})
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
