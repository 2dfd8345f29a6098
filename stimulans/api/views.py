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
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.exceptions import PermissionDenied as DRFPermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.settings import api_settings

from stimulans.funds.models import Allocation, Pot
from stimulans.organisations.models import Organisation
from stimulans.reporting import services
from stimulans.reporting.models import Report
from stimulans.reporting.services import ConcurrentEditError, WorkflowError, creating

from . import conventions
from . import serializers as s
from .conventions import problem
from .filters import AllocationFilter, ReportFilter


class ApiConventions(conventions.Conventions):
    """Unknown parameters refused, ETag and 304 on reads, validated filters; pagination,
    problem details and the language come from the settings (see `conventions`)."""

    filter_backends = [DjangoFilterBackend]
    # Bodies are JSON (answers, initiatives and measures nest); forms answer 415.
    parser_classes = [JSONParser]


class AllocationViewSet(ApiConventions, viewsets.ReadOnlyModelViewSet):
    """Fördelningar: the user's organisation's allocations (national roles: all; county
    coordinators: their county's), filterable by year, part, kind, organisation, county and
    `updated_since` (recomputed or requisitioned since)."""

    serializer_class = s.AllocationSerializer
    filterset_class = AllocationFilter

    def get_queryset(self):
        return (
            Allocation.objects.filter(
                organisation__in=Organisation.objects.visible_to(self.request.user)
            )
            .select_related("pot__part__agreement", "organisation__county")
            .prefetch_related("requisitions")
            .order_by("pk")
        )


def _exists(report):
    return problem(
        status.HTTP_409_CONFLICT,
        _("Redovisningen finns redan."),
        kind="report-exists",
        id=report.pk,
    )


def _conflict(exc):
    return problem(
        status.HTTP_409_CONFLICT, str(exc), kind="version-conflict", version=exc.report.version
    )


class ReportViewSet(
    ApiConventions,
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
    filterset_class = ReportFilter

    def get_queryset(self):
        return (
            Report.objects.visible_to(self.request.user)
            .select_related("pot__part__agreement", "organisation__county")
            .prefetch_related(
                "initiatives__category",
                "initiatives__plan_activity__plan",
                "initiatives__plan_activity__area__parent__parent",
                "measures",
            )
            .order_by("pk")
        )

    def _report(self, report):
        report = self.get_queryset().get(pk=report.pk)
        return Response(s.ReportSerializer(report).data)

    def _save(self, report, serializer, version):
        try:
            services.save_draft(report, serializer.draft_data(report), self.request.user, version)
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
            return problem(
                status.HTTP_404_NOT_FOUND,
                _("Det finns ingen sådan pott."),
                kind="pot-not-found",
                errors={"pot": [_("Det finns ingen sådan pott.")]},
            )
        try:
            existing = Report.objects.get(organisation=user.organisation, pot=pot)
        except Report.DoesNotExist:
            pass
        else:
            return _exists(existing)
        data = {}
        if set(d) & {"answers", "initiatives", "measures"}:
            data = serializer.draft_data(Report(organisation=user.organisation, pot=pot))
        try:
            report = creating.create_report(user, pot, data)
        except creating.ReportExists as exc:
            return _exists(exc.report)
        except PermissionDenied as exc:
            raise DRFPermissionDenied(str(exc)) from exc
        except WorkflowError as exc:
            # The organisation receives nothing from the pot (another recipient kind).
            return problem(
                status.HTTP_403_FORBIDDEN,
                str(exc),
                kind="not-a-recipient",
                errors={"pot": [str(exc)]},
            )
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
            raise MethodNotAllowed(request.method)
        return self.partial_update(request, *args, **kwargs)

    @extend_schema(
        request=s.SubmitSerializer,
        responses={
            200: s.ReportSerializer,
            400: OpenApiResponse(
                description="Kan inte skickas in: errors per fält, issues med varje problem"
            ),
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
            return problem(
                status.HTTP_400_BAD_REQUEST,
                _("Redovisningen kan inte skickas in förrän felen är rättade."),
                kind="not-submittable",
                errors=_issues_by_field(issues),
                issues=[
                    {"message": str(i), "field": i.field, "initiative": i.initiative}
                    for i in issues
                ],
            )
        return self._report(report)


def _issues_by_field(issues):
    """The submission check's problems per field: `funds_used_sek`, an initiative's field as
    `initiatives.0.funds_sek` (the initiative's position), the rest `non_field_errors`."""
    errors = {}
    for issue in issues:
        if issue.initiative is not None and issue.field:
            name = f"initiatives.{issue.initiative}.{issue.field}"
        elif issue.initiative is not None:
            name = f"initiatives.{issue.initiative}"
        else:
            name = issue.field or api_settings.NON_FIELD_ERRORS_KEY
        errors.setdefault(name, []).append(str(issue))
    return errors
