"""Two years side by side: rows of this year and of the previous year paired by a key, with the
change of each numeric field. Generic (lists of dicts), for the category tables, indicators and
any other table that wants a previous-year column."""

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

Row = dict[str, Any]


def _key_function(key: str | Callable[[Row], Hashable]) -> Callable[[Row], Hashable]:
    if callable(key):
        return key
    return lambda row: row[key]


def pair_rows(
    current: Iterable[Row], previous: Iterable[Row], key: str | Callable[[Row], Hashable]
) -> list[tuple[Hashable, Row | None, Row | None]]:
    """(key, this year's row or None, the previous year's row or None): this year's rows in
    their order, then the rows found only in the previous year, in theirs."""
    of = _key_function(key)
    earlier = {of(row): row for row in previous}
    pairs: list[tuple[Hashable, Row | None, Row | None]] = []
    seen = set()
    for row in current:
        k = of(row)
        seen.add(k)
        pairs.append((k, row, earlier.get(k)))
    pairs.extend((k, None, row) for k, row in earlier.items() if k not in seen)
    return pairs


def change(current: Any, previous: Any) -> Any:
    """current − previous, or None unless both are numbers."""
    numbers = (int, float)
    if isinstance(current, bool) or isinstance(previous, bool):
        return None
    if isinstance(current, numbers) and isinstance(previous, numbers):
        return current - previous
    return None


def compare_rows(
    current: Iterable[Row],
    previous: Iterable[Row],
    key: str | Callable[[Row], Hashable],
    fields: Sequence[str],
) -> list[Row]:
    """Per pair: {"key", "current", "previous", "change": {field: change or None}}."""
    return [
        {
            "key": k,
            "current": cur,
            "previous": prev,
            "change": {
                f: change(cur.get(f), prev.get(f)) if cur and prev else None for f in fields
            },
        }
        for k, cur, prev in pair_rows(current, previous, key)
    ]
