"""The token-authenticated JSON API: a municipality's (or region's, or county recipient's) own
system reads its allocations and creates, updates and submits its draft reports, with the
permissions and the validation of the web pages (`stimulans.reporting.services`).

Who sees what: reporters and county coordinators their own organisation's data, county
coordinators also every organisation in their county (read only), analysts and national
administrators everything (read only). Only an organisation's own officials create and change
its reports, and only while they are drafts or returned for correction. Reports that a user may
not read answer 404, so ids cannot be probed."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as DRFPermissionDenied
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from stimulans.funds.models import Allocation, Pot
from stimulans.organisations.models import Organisation
from stimulans.reporting import services
from stimulans.reporting.models import Report
from stimulans.reporting.services import ConcurrentEditError, WorkflowError, creating

from . import serializers as s


def _filter(queryset, params, names):
    """Filter by the query parameters in `names`; a bad value answers 400 naming the parameter
    (a year that is not a number, a NUL character, which PostgreSQL refuses)."""
    errors = {}
    for param, lookup in names.items():
        value = params.get(param)
        if not value:
            continue
        if "\x00" in value:
            errors[param] = _("Ogiltigt tecken i parametern.")
        elif param == "year" and not (value.isascii() and value.isdigit() and len(value) <= 4):
            errors[param] = _("Året ska vara ett årtal, t.ex. 2020.")
        else:
            queryset = queryset.filter(**{lookup: value})
    if errors:
        raise ValidationError(errors)
    return queryset


FILTERS = {
    "year": "pot__part__agreement__year",
    "part": "pot__part__slug",
    "recipient_kind": "pot__recipient_kind",
    "org_kind": "organisation__kind",
    "org_code": "organisation__code",
    "county": "organisation__county__code",
}
FILTER_PARAMETERS = [
    OpenApiParameter(name, int if name == "year" else str, description=description)
    for name, description in [
        ("year", "Överenskommelsens år"),
        ("part", "Delens kortnamn"),
        ("recipient_kind", "region, municipality eller county"),
        ("org_kind", "Organisationens typ"),
        ("org_code", "Organisationens kod"),
        ("county", "Länskod"),
    ]
]


@extend_schema_view(list=extend_schema(parameters=FILTER_PARAMETERS))
class AllocationViewSet(viewsets.ReadOnlyModelViewSet):
    """Fördelningar: the user's organisation's allocations (national roles: all; county
    coordinators: their county's), filterable by year, part, kind, organisation and county."""

    serializer_class = s.AllocationSerializer

    def get_queryset(self):
        queryset = Allocation.objects.filter(
            organisation__in=Organisation.objects.visible_to(self.request.user)
        )
        queryset = _filter(queryset, self.request.query_params, FILTERS)
        return queryset.select_related("pot__part__agreement", "organisation__county")


def _exists(report):
    return Response(
        {"detail": _("Redovisningen finns redan."), "id": report.pk},
        status=status.HTTP_409_CONFLICT,
    )


def _conflict(exc):
    return Response(
        {"detail": str(exc), "version": exc.report.version}, status=status.HTTP_409_CONFLICT
    )


@extend_schema_view(
    list=extend_schema(
        parameters=[*FILTER_PARAMETERS, OpenApiParameter("status", str, description="Status")]
    )
)
class ReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Redovisningar. Read: the reports of the organisations the user may see. Create, update
    (PATCH, with the version you read; 409 if someone saved since) and submit: the
    organisation's own officials, while the report is a draft or returned for correction."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    serializer_class = s.ReportSerializer

    def get_queryset(self):
        queryset = Report.objects.visible_to(self.request.user)
        queryset = _filter(queryset, self.request.query_params, {**FILTERS, "status": "status"})
        return queryset.select_related(
            "pot__part__agreement", "organisation__county"
        ).prefetch_related("initiatives__category", "measures")

    def _report(self, report):
        report = self.get_queryset().get(pk=report.pk)
        return Response(s.ReportSerializer(report).data)

    def _save(self, report, serializer, version):
        try:
            services.save_draft(
                report, serializer.draft_data(report.pot), self.request.user, version
            )
        except PermissionDenied as exc:
            raise DRFPermissionDenied from exc
        except WorkflowError as exc:
            if isinstance(exc, ConcurrentEditError):
                raise
            raise DRFPermissionDenied(str(exc)) from exc

    @extend_schema(
        request=s.ReportCreateSerializer,
        responses={201: s.ReportSerializer, 409: OpenApiResponse(description="Finns redan")},
    )
    def create(self, request, *args, **kwargs):
        serializer = s.ReportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = request.user
        if not creating.can_create_report(user):
            raise DRFPermissionDenied(
                _("Bara organisationens egna handläggare kan skapa dess redovisningar.")
            )
        d = serializer.validated_data
        pots = Pot.objects.select_related("part__agreement")
        if "pot" in d:
            pot = pots.filter(pk=d["pot"]).first()
        else:
            pot = pots.filter(
                part__agreement__year=d["year"],
                part__slug=d["part"],
                recipient_kind=user.organisation.kind,
            ).first()
        if pot is None:
            raise ValidationError({"pot": _("Det finns ingen sådan pott.")})
        try:
            existing = Report.objects.get(organisation=user.organisation, pot=pot)
        except Report.DoesNotExist:
            pass
        else:
            return _exists(existing)
        data = serializer.draft_data(pot) if set(d) & {"answers", "initiatives", "measures"} else {}
        try:
            report = creating.create_report(user, pot, data)
        except creating.ReportExists as exc:
            return _exists(exc.report)
        except PermissionDenied as exc:
            raise DRFPermissionDenied(str(exc)) from exc
        except WorkflowError as exc:
            raise ValidationError({"pot": str(exc)}) from exc
        response = self._report(report)
        response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(
        request=s.ReportUpdateSerializer,
        responses={200: s.ReportSerializer, 409: OpenApiResponse(description="Versionskonflikt")},
    )
    def partial_update(self, request, *args, **kwargs):
        report = self.get_object()
        serializer = s.ReportUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not services.can_edit_report(request.user, report):
            raise DRFPermissionDenied
        try:
            self._save(report, serializer, serializer.validated_data["version"])
        except ConcurrentEditError as exc:
            return _conflict(exc)
        return self._report(report)

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            return Response(status=status.HTTP_405_METHOD_NOT_ALLOWED)
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(
        request=s.SubmitSerializer,
        responses={
            200: s.ReportSerializer,
            400: OpenApiResponse(description="Valideringsfel: detail och errors"),
            409: OpenApiResponse(description="Versionskonflikt"),
        },
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Skicka in: validates the whole report as the web page does; 400 lists the problems."""
        report = self.get_object()
        serializer = s.SubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not services.can_edit_report(request.user, report):
            raise DRFPermissionDenied
        try:
            issues = services.submit(report, request.user, serializer.validated_data.get("version"))
        except PermissionDenied as exc:
            raise DRFPermissionDenied from exc
        except ConcurrentEditError as exc:
            return _conflict(exc)
        except WorkflowError as exc:
            raise DRFPermissionDenied(str(exc)) from exc
        if issues:
            return Response(
                {
                    "detail": _("Redovisningen kan inte skickas in förrän felen är rättade."),
                    "errors": [
                        {"message": str(i), "field": i.field, "initiative": i.initiative}
                        for i in issues
                    ],
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        return self._report(report)
