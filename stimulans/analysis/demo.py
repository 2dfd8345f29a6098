"""Demo statistics (`stimulans demo`): two indicators on official-statistics series and
synthetic values of them per region and for the country in each demo year, imported through
`import-statistics`'s CSV path, so that the statistics page, the indicators and the trend pages
are not empty. The values are NOT official statistics; the series and indicators say so."""

import random

from stimulans.funds.models import Agreement
from stimulans.lib import cells
from stimulans.organisations.models import County

from .models import Indicator, IndicatorBasis, StatisticValue
from .official_statistics import import_statistics

DEMO_SOURCE = "Demodata – inte officiell statistik"
CARE = "demo.unga_10_24_psykiatrisk_vard"
YOUNG = "demo.invanare_10_24"
SUICIDE = "demo.suicid_per_100000"
INDICATORS = [
    {
        "code": "demo.andel_unga_psykiatrisk_vard",
        "title": "Andel unga 10–24 år i specialiserad psykiatrisk vård (demodata)",
        "numerator": CARE,
        "denominator": YOUNG,
        "unit": "%",
        "description": "Unga 10–24 år med minst ett besök i specialiserad psykiatrisk vård under "
        "året, av alla invånare 10–24 år. Demodata, inte officiell statistik.",
    },
    {
        "code": "demo.suicid_per_100000",
        "title": "Suicid per 100 000 invånare (demodata)",
        "value_series": SUICIDE,
        "unit": "per 100 000 invånare",
        "description": "Antal suicid per 100 000 invånare. Demodata, inte officiell statistik.",
    },
]


def demo_statistics_csv(years):
    """The series per county (as its region) and for the country, in the CSV import's shape.
    Deterministic: the same figures every time."""
    rows = []
    for year in years:
        young_total = care_total = 0
        for county in County.objects.order_by("code"):
            rng = random.Random(f"{county.code}-{year}")
            young = rng.randint(12_000, 420_000)
            care = int(young * rng.uniform(0.045, 0.075) * (1 + (year - 2020) * 0.03))
            young_total += young
            care_total += care
            rows += [
                [CARE, "region", county.code, str(year), str(care)],
                [YOUNG, "region", county.code, str(year), str(young)],
                [SUICIDE, "region", county.code, str(year), f"{rng.uniform(9, 17):.1f}"],
            ]
        rows += [
            [CARE, "country", "", str(year), str(care_total)],
            [YOUNG, "country", "", str(year), str(young_total)],
            [SUICIDE, "country", "", str(year), f"{12.4 - (year - 2020) * 0.3:.1f}"],
        ]
    return cells.csv_bytes(["series", "org_kind", "org_code", "year", "value"], rows)


def load_demo_statistics(users):
    """The demo indicators and their series for every demo year, unless already loaded."""
    if StatisticValue.objects.filter(series__in=[CARE, YOUNG, SUICIDE]).exists():
        return
    start = Indicator.objects.count()
    for n, item in enumerate(INDICATORS):
        Indicator.objects.update_or_create(
            code=item["code"],
            defaults={
                "basis": IndicatorBasis.STATISTICS,
                "title": item["title"],
                "numerator": item.get("numerator", ""),
                "denominator": item.get("denominator", ""),
                "value_series": item.get("value_series", ""),
                "unit": item["unit"],
                "source": DEMO_SOURCE,
                "description": item["description"],
                "order": start + n,
            },
        )
    years = list(Agreement.objects.order_by("year").values_list("year", flat=True))
    import_statistics(demo_statistics_csv(years), "csv")
