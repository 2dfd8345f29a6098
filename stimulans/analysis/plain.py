"""Plain JSON data from the analysis' dataclasses and named tuples, so that a published
version's snapshot can store them and the templates read them as before: every field, and
every property (e.g. `Money.gap_sek`, `Row.change`) as a key of its own."""

import dataclasses
from typing import Any

from django.utils.functional import Promise


def _properties(value: Any) -> dict[str, Any]:
    cls = type(value)
    return {
        name: plain(getattr(value, name))
        for name in dir(cls)
        if not name.startswith("_") and isinstance(getattr(cls, name, None), property)
    }


def plain(value: Any) -> Any:
    """`value` as dicts, lists, strings, numbers, booleans and None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {**data, **_properties(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        data = {name: plain(getattr(value, name)) for name in value._fields}
        return {**data, **_properties(value)}
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    if isinstance(value, Promise):
        return str(value)
    return value
