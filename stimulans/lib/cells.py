"""Cells of the documents the product writes (Word, PDF, Excel, CSV). Every writer puts text
through these helpers, so that any text a user typed, imported or sent through the API comes out
as that text: never a broken file, never a formula.

- `text()`: a value as text that XML 1.0 can hold (Word, PDF, sheet titles).
- `append_row()`: a row of an openpyxl sheet; text is stored as text (never a formula), numbers
  stay numbers.
- `csv_cell()` / `csv_bytes()`: CSV with OWASP's rule against formula injection: text that
  starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.
- Numbers: in Excel stored as numbers with a number format (`WHOLE`, `DECIMAL`, `PERCENT`,
  `PLAIN`; `append_row(..., formats=...)`), never as text; in a CSV file people read (not a
  documented machine-readable format) as Swedish text through `lib.numbers` (`number_text`).

A bottom-layer module: it imports no app of the project.
"""

import csv
import io
from collections.abc import Container, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from . import numbers
from .text import clean_text

if TYPE_CHECKING:  # openpyxl is imported only when a sheet is written
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters Excel does not allow in a sheet title.
_SHEET_TITLE_FORBIDDEN = set("[]:*?/\\")

# Excel number formats as the file stores them, independent of the reader's language: Swedish
# Excel and LibreOffice show `WHOLE` as "# ##0" (12 345, a space between the groups),
# `DECIMAL` as "# ##0,0##" (1 234,5) and `PERCENT` as "0,0 %" (80,0 %). A literal space as the
# group separator would group wrongly above a million, so the codes use the file format's `,`
# and `.`; the space before `%` is literal, as Swedish writes a percentage.
WHOLE = "#,##0"
DECIMAL = "#,##0.0##"
PERCENT = "0.0 %"
PLAIN = "0"  # years, seeds: a number without groups (2021, not 2 021)


def text(value: object) -> str:
    """`value` as a string that any XML document can hold (see `text.clean_text`)."""
    return clean_text(value if isinstance(value, str) else str(value))


def sheet_value(value: object) -> object:
    """A value for an openpyxl cell: text cleaned, everything else as it is."""
    return clean_text(value) if isinstance(value, str) else value


def is_number(value: object) -> bool:
    """An int, float or Decimal, but not a bool."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def number_format(value: object) -> str | None:
    """The number format for `value` where its column says nothing else: `WHOLE` for whole
    numbers (an integral Decimal too: a weight of 13 730), `DECIMAL` for the others; None for
    what is not a number."""
    if not is_number(value):
        return None
    if isinstance(value, int) or (isinstance(value, Decimal) and value == value.to_integral()):
        return WHOLE
    return DECIMAL


def append_row(
    sheet: "Worksheet",
    values: Iterable[object],
    formats: Sequence[str | None] | Mapping[int, str | None] = (),
) -> list["Cell"]:
    """Append `values` to the openpyxl `sheet`. Text (cleaned) is stored as a text cell even
    when it starts with `=` (openpyxl would otherwise write it as a formula); numbers, dates and
    empty cells stay as they are. A number gets the format of its column in `formats` (by
    position: a sequence or a {column index: format} mapping; None leaves Excel's general
    format), e.g. `[None, cells.PLAIN, cells.WHOLE]`. Returns the row's cells."""
    from openpyxl.cell.cell import Cell

    by_column = formats if isinstance(formats, Mapping) else dict(enumerate(formats))
    row: list[Cell] = []
    for n, value in enumerate(values):
        cell = Cell(sheet, value=sheet_value(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"
        elif is_number(cell.value) and by_column.get(n):
            cell.number_format = by_column[n]
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


def number_text(value: object) -> object:
    """A cell of a CSV file people read: a number as Swedish text (1 234 567, 0,25; through
    `lib.numbers`), anything else as it is. Not for the documented machine-readable formats,
    whose numbers stay as programs read them."""
    if isinstance(value, int) and not isinstance(value, bool):
        return numbers.thousands(value)
    if isinstance(value, float):
        return numbers.decimal(repr(value))  # its shortest form: 0.1, not 0.1000000000000000055…
    if isinstance(value, Decimal):
        return numbers.decimal(value)
    return value
