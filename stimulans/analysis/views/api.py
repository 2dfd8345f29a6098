"""The read-only analysis JSON at /analys/api/ (DRF): coverage, the category tables and
effects of a part, indicators and quality-flag counts of a year. Open to everyone for a
published year, answered from its latest published version (`snapshot.report_data`; analysts
get the live figures with `?utkast=1`); before publication as `permissions.analysis_scope` says
(403 with a Swedish `detail` otherwise). `?lan=` filters by county (404 for a county that does
not exist)."""

from django.http import Http404
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
from .. import snapshot
from ..aggregation import aggregate_json
from ..flowcharts import flowcharts_json
from ..permissions import analysis_scope
from ..year_analysis import effect_key
from .access import county_param, shown_version, year_data

COUNTY_PARAMETER = OpenApiParameter("lan", str, description="Länskod")
DRAFT_PARAMETER = OpenApiParameter(
    "utkast", str, description="1: aktuella siffror i stället för den publicerade versionen"
)
PARAMETERS = [COUNTY_PARAMETER, DRAFT_PARAMETER]


class YearView(Conventions, APIView):
    """A year's figures: who may read them is decided per request by `analysis_scope`. The
    API's conventions: problem details, ETag and 304, unknown parameters refused
    (`stimulans.api.conventions`)."""

    query_parameters = ("lan", "utkast")
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def checked(self, year):
        """(agreement, scope, county code from ?lan=); 403 when the user may not read the
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
        return agreement, scope, county

    def year_data(self, year, **only):
        """(the year's data as published or live, county code from ?lan=)."""
        agreement, scope, county = self.checked(year)
        return year_data(self.request, agreement, county, scope, **only), county


def _part(data, slug):
    item = next((i for i in data["parts"] if i["part"]["slug"] == slug), None)
    if item is None:
        raise Http404
    return item


class CoverageView(YearView):
    @extend_schema(parameters=PARAMETERS, responses=s.CoverageSerializer)
    def get(self, request, year):
        data, _county = self.year_data(year, parts=[], flag_list=False)
        return Response(s.CoverageSerializer({"year": year, **data["coverage"]}).data)


class AggregateView(YearView):
    @extend_schema(parameters=PARAMETERS, responses=s.AggregateSerializer)
    def get(self, request, year, part):
        data, county = self.year_data(year, parts=[part], effects=0, flag_list=False)
        result = {**aggregate_json(_part(data, part)["aggregate"]), "county": county}
        return Response(s.AggregateSerializer(result).data)


class EffectsView(YearView):
    @extend_schema(parameters=PARAMETERS, responses=s.EffectsSerializer)
    def get(self, request, year, part):
        data, county = self.year_data(year, parts=[part], flag_list=False)
        item = _part(data, part)
        rows = [
            {"org_kind": pot["org_kind"], "category": c["category"], **effect}
            for pot in item["aggregate"]["pots"]
            for c in pot["categories"]
            for effect in item["effects"].get(effect_key(pot["pot_id"], c["category_id"]), [])
        ]
        result = {"year": year, "part": part, "county": county, "effects": rows}
        return Response(s.EffectsSerializer(result).data)


class FlowchartsView(YearView):
    """The part's flowcharts, one per category (annexes 1–10 of the status report): the grouped
    activities, goals, outputs and effects with the actors that reported each, and the links
    by coded quality."""

    @extend_schema(parameters=PARAMETERS, responses=s.FlowchartsSerializer)
    def get(self, request, year, part):
        agreement, scope, county = self.checked(year)
        part_obj = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
        version = shown_version(request, agreement)
        if version is None:
            data = flowcharts_json(part_obj, scope.detail(county))
        else:
            data = snapshot.part_section(version, "flowcharts", part, county)
            if data is None:
                raise Http404
        return Response(s.FlowchartsSerializer({**data, "county": county}).data)


class IndicatorsView(YearView):
    @extend_schema(parameters=PARAMETERS, responses=s.IndicatorsSerializer)
    def get(self, request, year):
        data, _county = self.year_data(year, parts=[], flag_list=False)
        result = {
            "year": year,
            "indicators": [i["indicator"] for i in data["indicators"]],
            "values": data["indicator_rows"],
        }
        return Response(s.IndicatorsSerializer(result).data)


class FlagsView(YearView):
    @extend_schema(parameters=PARAMETERS, responses=s.FlagsSerializer)
    def get(self, request, year):
        data, county = self.year_data(year, effects=0, flag_list=False)
        result = {
            "year": year,
            "county": county,
            "summary": data["flags"],
            "parts": {item["part"]["slug"]: item["flags"] for item in data["parts"]},
        }
        return Response(s.FlagsSerializer(result).data)
