"""Money followed through: the funds page of a year (per pot and county, the gap between funds
used and funds on initiatives, the organisations without reported use, the previous year)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stimulans.funds.models import Agreement
from stimulans.organisations.models import County

from ..money import money_analysis
from ..permissions import is_published
from .access import county_param, scope_or_refuse, shown_version, year_data


def funds(request: HttpRequest, year: int) -> HttpResponse:
    """The year's money; `?lan=` one county. Who reads what: `analysis_scope`."""
    agreement = get_object_or_404(Agreement, year=year)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused is not None:
        return refused
    assert scope is not None
    if shown_version(request, agreement) is not None:
        # A published year: the money as published (the version's head row).
        money = year_data(request, agreement, county, scope, parts=[], flag_list=False)["funds"]
    else:
        money = money_analysis(agreement, county, visible=scope.counties)
    return render(
        request,
        "analysis/funds.html",
        {
            "agreement": agreement,
            "county": county,
            "county_name": County.objects.get(code=county).name if county else None,
            "counties": scope.county_choices(County.objects.all()),
            "money": money,
            "published": is_published(agreement),
        },
    )
