"""Small text helpers shared by imports, commands and views."""

import re
from typing import Any


def is_digits(text: str) -> bool:
    """True for a non-empty string of ASCII digits 0–9 only.

    `str.isdigit()` alone also accepts characters such as '²' or '٣', which `int()` then
    refuses or reads unexpectedly; input from files and URLs must be plain digits."""
    return text.isascii() and text.isdigit()


def year_param(text: str | None) -> int | None:
    """A year from a query parameter (`?ar=2020`), or None if it is not four plain digits."""
    text = (text or "").strip()
    return int(text) if len(text) == 4 and is_digits(text) else None


# Characters that XML 1.0 cannot hold (outside its `Char` production): the C0 controls other
# than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF. Word, Excel and
# OpenDocument files are XML, so one of these in any text makes the whole file unwritable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Vertical tab and form feed are Word's line and page breaks in pasted text: a space keeps the
# words apart (and keeps line numbers of YAML and CSV files as they were).
_AS_SPACE = {"\x0b", "\x0c"}


def _replace(match: re.Match[str]) -> str:
    return " " if match.group() in _AS_SPACE else ""


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (see NOT_XML); vertical tab and form
    feed become a space, the others are removed. Tab, newline and carriage return stay."""
    if not NOT_XML.search(text):
        return text
    return NOT_XML.sub(_replace, text)


def clean_data(value: Any) -> Any:
    """`value` (JSON- or YAML-like data: dicts, lists, strings, numbers) with `clean_text`
    applied to every string in it, keys included."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_data(v) for v in value)
    return value


def value_text(value: object) -> str:
    """An answer's value as text, the way forms, files and expressions write it: nothing as
    "", booleans as "true"/"false", a list of choices joined by spaces, a whole float as an
    integer (Excel reads 12 as 12.0), anything else as str()."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
