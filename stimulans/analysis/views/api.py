"""The read-only analysis JSON at /analys/api/: coverage, the category tables and effects of a
part, indicators and quality-flag counts of a year, under `permissions.analysis_scope`."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement, AgreementPart

from ..aggregation import aggregate_json, aggregate_part
from ..coverage import coverage
from ..effects import effects_by_category
from ..flags import flag_summary, quality_flags
from ..indicators import compute_indicators
from ..models import Indicator
from ..permissions import analysis_scope
from .access import county_param


def _api_year(request, year):
    """(agreement, county code from ?lan=, scope, None), or a 403 JSON answer as the last item
    when the user may not read the year, or that county's figures, yet."""
    agreement = get_object_or_404(Agreement, year=year)
    county = county_param(request)
    scope = analysis_scope(request.user, agreement)
    if scope is None:
        refused = JsonResponse({"detail": _("Året är inte publicerat.")}, status=403)
    elif not scope.allows(county):
        detail = _("Länets siffror visas bara för länet självt tills året är publicerat.")
        refused = JsonResponse({"detail": detail}, status=403)
    else:
        refused = None
    return agreement, county, scope, refused


def api_coverage(request, year):
    agreement, county, scope, refused = _api_year(request, year)
    return refused or JsonResponse(
        {"year": agreement.year, **scope.coverage(coverage(agreement, county))}
    )


def api_aggregate(request, year, part):
    agreement, county, scope, refused = _api_year(request, year)
    if refused:
        return refused
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    result = aggregate_json(aggregate_part(part, county))
    return JsonResponse({**result, "county": county})


def api_effects(request, year, part):
    agreement, county, scope, refused = _api_year(request, year)
    if refused:
        return refused
    part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    effects = effects_by_category([part], scope.detail(county))
    out = []
    for pot in part.pots.prefetch_related("categories"):
        for category in pot.categories.all():
            for e in effects.get((pot.pk, category.pk), []):
                out.append(
                    {
                        "org_kind": pot.recipient_kind,
                        "category": category.slug,
                        "organisation": e["organisation"],
                        "title": e["title"],
                        "effects": e["effects"],
                        "target_group": e["target_group"],
                        "measured": e["measured"],
                    }
                )
    return JsonResponse(
        {"year": agreement.year, "part": part.slug, "county": county, "effects": out}
    )


def api_indicators(request, year):
    agreement, _county, scope, refused = _api_year(request, year)
    if refused:
        return refused
    catalogue = [
        {
            "code": i.code,
            "title": i.title,
            "numerator": i.numerator,
            "denominator": i.denominator,
            "unit": i.unit,
            "source": i.source,
            "description": i.description,
        }
        for i in Indicator.objects.all()
    ]
    return JsonResponse(
        {
            "year": agreement.year,
            "indicators": catalogue,
            "values": scope.indicator_rows(compute_indicators(agreement.year)),
        }
    )


def api_flags(request, year):
    agreement, county, _scope, refused = _api_year(request, year)
    if refused:
        return refused
    flags = quality_flags(agreement, county=county)
    by_part = {}
    for part in agreement.parts.all():
        by_part[part.slug] = flag_summary([f for f in flags if f["part"] == part.slug])
    return JsonResponse(
        {"year": agreement.year, "county": county, "summary": flag_summary(flags), "parts": by_part}
    )
