"""Loading the reference lists of counties and municipalities shipped in `data/`."""

import csv
from pathlib import Path

from django.db import transaction

from .models import County, Organisation, OrganisationKind

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@transaction.atomic
def load_organisations():
    """Create or update the 21 counties, 21 regions, 21 county recipients and 290 municipalities.

    Idempotent: running it again changes nothing. Returns the number of organisations.
    """
    counties = {}
    for row in _rows("counties.csv"):
        county, _ = County.objects.update_or_create(
            code=row["county_code"],
            defaults={"name": row["county_name"], "short_name": row["county_name_short"]},
        )
        counties[county.code] = county
        Organisation.objects.update_or_create(
            kind=OrganisationKind.REGION,
            code=county.code,
            defaults={
                "name": row["region_name"],
                "short_name": row["region_name"],
                "county": county,
            },
        )
        Organisation.objects.update_or_create(
            kind=OrganisationKind.COUNTY,
            code=county.code,
            defaults={
                "name": f"{row['county_name']} (länsgemensamma medel)",
                "short_name": row["county_name"],
                "county": county,
            },
        )
    for row in _rows("municipalities.csv"):
        Organisation.objects.update_or_create(
            kind=OrganisationKind.MUNICIPALITY,
            code=row["municipality_code"],
            defaults={
                "name": row["municipality_name"],
                "short_name": row["municipality_name_short"],
                "county": counties[row["county_code"]],
            },
        )
    return Organisation.objects.count()
