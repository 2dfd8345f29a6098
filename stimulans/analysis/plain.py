"""Plain JSON data from the analysis' dataclasses and named tuples, so that a published
version's snapshot can store them and the templates read them as before: every field, and
every property (e.g. `Money.gap_sek`, `Row.change`) as a key of its own."""

import dataclasses
import functools
from typing import Any

from django.utils.functional import Promise


@functools.cache
def _property_names(cls: Any) -> tuple[str, ...]:
    """The public properties of a class, looked up once per class (`dir` of every value was
    the largest cost of the year's analysis)."""
    return tuple(
        name
        for name in dir(cls)
        if not name.startswith("_") and isinstance(getattr(cls, name, None), property)
    )


_SCALARS = frozenset({str, int, float, bool})


@functools.cache
def _field_names(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _properties(value: Any) -> dict[str, Any]:
    cls: Any = type(value)
    return {name: plain(getattr(value, name)) for name in _property_names(cls)}


def plain(value: Any) -> Any:
    """`value` as dicts, lists, strings, numbers, booleans and None."""
    if value is None or type(value) in _SCALARS:  # most values: no dataclass check
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls: Any = type(value)
        data = {name: plain(getattr(value, name)) for name in _field_names(cls)}
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
