"""Cells of the documents the product writes (Word, PDF, Excel, CSV). Every writer puts text
through these helpers, so that any text a user typed, imported or sent through the API comes out
as that text: never a broken file, never a formula.

- `text()`: a value as text that XML 1.0 can hold (Word, PDF, sheet titles).
- `append_row()`: a row of an openpyxl sheet; text is stored as text (never a formula), numbers
  stay numbers.
- `csv_cell()` / `csv_bytes()`: CSV with OWASP's rule against formula injection: text that
  starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.

A bottom-layer module: it imports no app of the project.
"""

import csv
import io
from collections.abc import Container, Iterable
from typing import TYPE_CHECKING

from .text import clean_text

if TYPE_CHECKING:  # openpyxl is imported only when a sheet is written
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel does not allow in a sheet title.
_SHEET_TITLE_FORBIDDEN = set("[]:*?/\\")


def text(value: object) -> str:
    """`value` as a string that any XML document can hold (see `text.clean_text`)."""
    return clean_text(value if isinstance(value, str) else str(value))


def sheet_value(value: object) -> object:
    """A value for an openpyxl cell: text cleaned, everything else as it is."""
    return clean_text(value) if isinstance(value, str) else value


def append_row(sheet: "Worksheet", values: Iterable[object]) -> list["Cell"]:
    """Append `values` to the openpyxl `sheet`. Text (cleaned) is stored as a text cell even
    when it starts with `=` (openpyxl would otherwise write it as a formula); numbers, dates and
    empty cells stay as they are. Returns the row's cells."""
    from openpyxl.cell.cell import Cell

    row: list[Cell] = []
    for value in values:
        cell = Cell(sheet, value=sheet_value(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        row.append(cell)
    sheet.append(row)
    return row


def sheet_title(name: object, used: Container[str] = ()) -> str:
    """A valid sheet title from `name`: no characters Excel forbids, at most 31 characters,
    not one of `used` (a number is added)."""
    title = "".join(ch for ch in text(name) if ch not in _SHEET_TITLE_FORBIDDEN)[:31].strip()
    title = title or "-"
    base, n = title, 2
    while title in used:
        suffix = f" {n}"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    return title


def csv_cell(value: object) -> object:
    """A value for a CSV cell: text cleaned and, if a spreadsheet would run it as a formula,
    prefixed with an apostrophe; numbers and empty cells as they are."""
    if not isinstance(value, str):
        return value
    cleaned = clean_text(value)
    if cleaned.startswith(FORMULA_START):
        return "'" + cleaned
    return cleaned


def csv_bytes(
    header: Iterable[object], rows: Iterable[Iterable[object]], bom: bool = True
) -> bytes:
    """A CSV file (comma separated, CRLF, UTF-8 with a BOM so that Excel reads it right) with
    every cell through `csv_cell`, the header's included."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_cell(v) for v in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")
