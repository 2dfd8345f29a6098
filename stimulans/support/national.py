"""The national view of the support needs: counts per theme and part (the status report's
annex 11), per county and per year. Counted needs only (`SupportNeed.objects.counted`).
Plain JSON shapes with string keys, so the status report's snapshot can store them."""

from collections import Counter

from stimulans.funds.models import AgreementPart
from stimulans.organisations.models import County

from .models import SupportNeed, SupportTheme

UNCODED = ""


def _themes():
    return [
        {"code": t.code, "name": t.name, "prioritised": t.prioritised}
        for t in SupportTheme.objects.filter(active=True)
    ]


def needs_by_theme_and_part(agreement):
    """{"themes": [...], "parts": [...], "rows": [{theme, name, prioritised, by_part: {slug:
    n}, total}], "uncoded": n, "total": n} for one agreement year."""
    parts = list(AgreementPart.objects.filter(agreement=agreement))
    needs = SupportNeed.objects.counted().filter(year=agreement.year)
    cells = Counter(
        (theme or UNCODED, part or UNCODED)
        for theme, part in needs.values_list("theme__code", "part__slug")
    )
    rows = []
    for theme in _themes():
        by_part = {p.slug: cells.get((theme["code"], p.slug), 0) for p in parts}
        other = cells.get((theme["code"], UNCODED), 0)
        rows.append(
            {
                "theme": theme["code"],
                "name": theme["name"],
                "prioritised": theme["prioritised"],
                "by_part": by_part,
                "no_part": other,
                "total": sum(by_part.values()) + other,
            }
        )
    uncoded = sum(n for (theme, _part), n in cells.items() if theme == UNCODED)
    return {
        "year": agreement.year,
        "parts": [{"slug": p.slug, "title": p.title} for p in parts],
        "rows": rows,
        "uncoded": uncoded,
        "total": sum(cells.values()),
    }


def needs_by_county(year):
    """[{county, name, total, coded}] for every county, one year."""
    needs = SupportNeed.objects.counted().filter(year=year)
    totals = Counter(needs.values_list("county__code", flat=True))
    coded = Counter(needs.filter(theme__isnull=False).values_list("county__code", flat=True))
    return [
        {"county": c.code, "name": c.name, "total": totals.get(c.code, 0), "coded": coded[c.code]}
        for c in County.objects.all()
    ]


def needs_over_years():
    """{"years": [...], "rows": [{theme, name, by_year: {year: n}}]}: the coded needs per
    theme and year."""
    cells = Counter(
        SupportNeed.objects.counted().filter(theme__isnull=False).values_list("theme__code", "year")
    )
    years = sorted({year for _theme, year in cells})
    rows = [
        {
            "theme": t["code"],
            "name": t["name"],
            "by_year": {str(y): cells.get((t["code"], y), 0) for y in years},
        }
        for t in _themes()
    ]
    return {"years": [str(y) for y in years], "rows": rows}


def support_needs_section(agreement):
    """The status report's chapter on support needs: the national counts per theme and part
    (no organisation, county or text, so it can be published)."""
    return needs_by_theme_and_part(agreement)
