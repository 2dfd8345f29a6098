"""The read-only analysis JSON at /analys/api/ (DRF): coverage, the category tables and
effects of a part, indicators and quality-flag counts of a year. Open to everyone for a
published year; before publication as `permissions.analysis_scope` says (403 with a Swedish
`detail` otherwise). `?lan=` filters by county (404 for a county that does not exist)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from stimulans.api.conventions import Conventions
from stimulans.funds.models import Agreement, AgreementPart

from .. import serializers as s
from ..aggregation import aggregate_json, aggregate_part
from ..coverage import coverage
from ..effects import effects_by_category
from ..flags import flag_summary, quality_flags
from ..indicators import compute_indicators
from ..models import Indicator
from ..permissions import analysis_scope
from .access import county_param

COUNTY_PARAMETER = OpenApiParameter("lan", str, description="Länskod")


class YearView(Conventions, APIView):
    """A year's figures: who may read them is decided per request by `analysis_scope`. The
    API's conventions: problem details, ETag and 304, unknown parameters refused
    (`stimulans.api.conventions`)."""

    query_parameters = ("lan",)
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def year_scope(self, year):
        """(agreement, county code from ?lan=, scope); 403 when the user may not read the
        year, or that county's figures, yet."""
        agreement = get_object_or_404(Agreement, year=year)
        county = county_param(self.request)
        scope = analysis_scope(self.request.user, agreement)
        if scope is None:
            raise PermissionDenied(_("Året är inte publicerat."))
        if not scope.allows(county):
            raise PermissionDenied(
                _("Länets siffror visas bara för länet självt tills året är publicerat.")
            )
        return agreement, county, scope


class CoverageView(YearView):
    @extend_schema(parameters=[COUNTY_PARAMETER], responses=s.CoverageSerializer)
    def get(self, request, year):
        agreement, county, scope = self.year_scope(year)
        data = {"year": agreement.year, **scope.coverage(coverage(agreement, county))}
        return Response(s.CoverageSerializer(data).data)


class AggregateView(YearView):
    @extend_schema(parameters=[COUNTY_PARAMETER], responses=s.AggregateSerializer)
    def get(self, request, year, part):
        agreement, county, _scope = self.year_scope(year)
        part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
        data = {**aggregate_json(aggregate_part(part, county)), "county": county}
        return Response(s.AggregateSerializer(data).data)


class EffectsView(YearView):
    @extend_schema(parameters=[COUNTY_PARAMETER], responses=s.EffectsSerializer)
    def get(self, request, year, part):
        agreement, county, scope = self.year_scope(year)
        part = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
        effects = effects_by_category([part], scope.detail(county))
        rows = [
            {"org_kind": pot.recipient_kind, "category": category.slug, **effect}
            for pot in part.pots.prefetch_related("categories")
            for category in pot.categories.all()
            for effect in effects.get((pot.pk, category.pk), [])
        ]
        data = {"year": agreement.year, "part": part.slug, "county": county, "effects": rows}
        return Response(s.EffectsSerializer(data).data)


class IndicatorsView(YearView):
    @extend_schema(parameters=[COUNTY_PARAMETER], responses=s.IndicatorsSerializer)
    def get(self, request, year):
        agreement, _county, scope = self.year_scope(year)
        data = {
            "year": agreement.year,
            "indicators": Indicator.objects.all(),
            "values": scope.indicator_rows(compute_indicators(agreement.year)),
        }
        return Response(s.IndicatorsSerializer(data).data)


class FlagsView(YearView):
    @extend_schema(parameters=[COUNTY_PARAMETER], responses=s.FlagsSerializer)
    def get(self, request, year):
        agreement, county, _scope = self.year_scope(year)
        flags = quality_flags(agreement, county=county)
        data = {
            "year": agreement.year,
            "county": county,
            "summary": flag_summary(flags),
            "parts": {
                part.slug: flag_summary([f for f in flags if f["part"] == part.slug])
                for part in agreement.parts.all()
            },
        }
        return Response(s.FlagsSerializer(data).data)
