"""Who reported: per recipient kind, nationally and per county."""

from collections import defaultdict

from django.db.models import Q

from stimulans.organisations.models import County, Organisation, OrganisationKind
from stimulans.reporting.models import Report

from .lookups import county_filter


def coverage(agreement, county=None):
    """Who reported: per recipient kind and per county, organisations with at least one submitted
    or approved report this year, against all organisations of that kind."""
    org_filter = Q(county__code=county) if county else Q()
    orgs = list(Organisation.objects.filter(org_filter).values_list("pk", "kind", "county__code"))
    reported = set(
        Report.objects.filter(
            county_filter(county, "organisation__county__code"),
            pot__part__agreement=agreement,
        )
        .counted()
        .values_list("organisation_id", flat=True)
    )
    kinds = [k for k, _label in OrganisationKind.choices]
    national = {k: {"reported": 0, "total": 0} for k in kinds}
    per_county = defaultdict(lambda: {k: {"reported": 0, "total": 0} for k in kinds})
    for pk, kind, code in orgs:
        for acc in (national[kind], per_county[code][kind]):
            acc["total"] += 1
            acc["reported"] += pk in reported
    names = dict(County.objects.values_list("code", "name"))
    return {
        "national": [
            {"org_kind": k, "label": str(OrganisationKind(k).label), **national[k]} for k in kinds
        ],
        "counties": [
            {
                "county_code": code,
                "name": names.get(code, code),
                **{k: per_county[code][k] for k in kinds},
            }
            for code in sorted(per_county)
        ],
    }
