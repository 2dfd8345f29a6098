"""The work plan on a timeline: one column per quarter from the first activity's start to the
last one's end, each activity marked in the quarters it runs (pure; a table with CSS classes,
no inline styles)."""

import datetime


def quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarters(first: datetime.date, last: datetime.date) -> list[tuple[int, int]]:
    year, q = quarter(first)
    end = quarter(last)
    out = []
    while (year, q) <= end:
        out.append((year, q))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return out


def timeline(activities):
    """{"quarters": [(year, q)], "years": [(year, n quarters)], "rows": [(activity, [bool per
    quarter])]} of activities with `start` and `end`."""
    activities = list(activities)
    if not activities:
        return {"quarters": [], "years": [], "rows": []}
    columns = quarters(min(a.start for a in activities), max(a.end for a in activities))
    years: dict[int, int] = {}
    for year, _q in columns:
        years[year] = years.get(year, 0) + 1
    rows = [(a, [quarter(a.start) <= col <= quarter(a.end) for col in columns]) for a in activities]
    return {"quarters": columns, "years": list(years.items()), "rows": rows}
