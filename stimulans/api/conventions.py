"""The conventions every JSON endpoint follows (`/api/v1/` and the analysis JSON under
`/analys/api/`):

- errors are RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`,
  `detail`, and `errors` per field (`{"field": ["message", …]}`), in the language of
  `Accept-Language` (Swedish by default, English);
- lists are paginated: `?page=`, `?page_size=`, an envelope `count`, `next`, `previous`,
  `results`;
- reads carry an `ETag`; a read sent with `If-None-Match` naming it answers 304.
"""

import hashlib

from django.http import Http404
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.decorators import api_view, permission_classes, renderer_classes
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE = "urn:stimulans:problem:"

TITLES = {
    400: gettext_lazy("Felaktig begäran"),
    401: gettext_lazy("Inloggning krävs"),
    403: gettext_lazy("Åtkomst nekad"),
    404: gettext_lazy("Hittades inte"),
    405: gettext_lazy("Metoden stöds inte"),
    406: gettext_lazy("Svarsformatet stöds inte"),
    409: gettext_lazy("Konflikt"),
    413: gettext_lazy("För stor begäran"),
    415: gettext_lazy("Medietypen stöds inte"),
    422: gettext_lazy("Kan inte behandlas"),
    429: gettext_lazy("För många förfrågningar"),
}


def problem(status_code, detail, *, kind=None, errors=None, headers=None, **extra):
    """A problem-details response. `kind` names the problem type (`validation`,
    `version-conflict`, …); without it the type is `about:blank` (the status says it all)."""
    body = {
        "type": PROBLEM_TYPE + kind if kind else "about:blank",
        "title": str(TITLES.get(status_code, _("Fel"))),
        "status": status_code,
        "detail": str(detail),
        **({"errors": errors} if errors is not None else {}),
        **extra,
    }
    return Response(body, status=status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def field_errors(detail, prefix=""):
    """DRF's nested error detail as {"field": [messages]}, nested fields joined by dots
    (`initiatives.0.funds_sek`); errors not tied to a field under `non_field_errors`."""
    result = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = str(key)
            if name == api_settings.NON_FIELD_ERRORS_KEY and prefix:
                name = ""
            path = ".".join(p for p in (prefix, name) if p)
            for field, messages in field_errors(value, path).items():
                result.setdefault(field, []).extend(messages)
    elif isinstance(detail, list) and any(isinstance(v, dict | list) for v in detail):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                sub = f"{prefix}.{index}" if prefix else str(index)
                for field, messages in field_errors(value, sub).items():
                    result.setdefault(field, []).extend(messages)
            else:
                result.setdefault(prefix or api_settings.NON_FIELD_ERRORS_KEY, []).append(
                    str(value)
                )
    elif isinstance(detail, list):
        result[prefix or api_settings.NON_FIELD_ERRORS_KEY] = [str(v) for v in detail]
    else:
        result[prefix or api_settings.NON_FIELD_ERRORS_KEY] = [str(detail)]
    return result


def exception_handler(exc, context):
    """DRF's handler (which also turns Django's Http404 and PermissionDenied into its own),
    answered as problem details."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    kept = ("WWW-Authenticate", "Allow", "Retry-After")
    headers = {name: response[name] for name in kept if name in response}
    if isinstance(exc, exceptions.ValidationError):
        return problem(
            response.status_code,
            _("Uppgifterna är inte giltiga."),
            kind="validation",
            errors=field_errors(exc.detail),
            headers=headers,
        )
    if isinstance(exc, Http404):
        # Django's message names the model ("No Report matches the given query").
        detail = _("Finns inte, eller så får du inte läsa det.")
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    return problem(response.status_code, detail, headers=headers)


class Pagination(PageNumberPagination):
    """`?page=` (from 1) and `?page_size=` (1–1000, 100 by default)."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000

    def paginate_queryset(self, queryset, request, view=None):
        value = request.query_params.get(self.page_query_param)
        if value is not None and not (value.isascii() and value.isdigit() and 0 < int(value)):
            raise exceptions.ValidationError(
                {self.page_query_param: [_("Ange sidans nummer, ett heltal från 1.")]}
            )
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is not None and not (value.isascii() and value.isdigit() and 0 < int(value)):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_("Ange ett heltal från 1 till 1000.")]}
            )
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                }
        return parameters


class KnownParametersMixin:
    """Query parameters the operation does not know answer 400 naming them (a misspelt filter
    would otherwise be ignored and give everything). Known: `query_parameters` (`?format=`
    always; on lists the filters and the page parameters)."""

    query_parameters: tuple[str, ...] = ()

    def known_query_parameters(self):
        names = {*self.query_parameters, api_settings.URL_FORMAT_OVERRIDE}
        if getattr(self, "action", None) == "list":
            filterset = getattr(self, "filterset_class", None)
            if filterset is not None:
                names |= set(filterset.base_filters)
            paginator = getattr(self, "paginator", None)
            if paginator is not None:
                names |= {paginator.page_query_param, paginator.page_size_query_param}
        return names

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        known = self.known_query_parameters()
        unknown = [name for name in request.query_params if name not in known]
        if unknown:
            raise exceptions.ValidationError(
                {
                    name or api_settings.NON_FIELD_ERRORS_KEY: [_("Okänd parameter.")]
                    for name in unknown
                }
            )


def etag_of(content: bytes) -> str:
    return quote_etag(hashlib.sha256(content).hexdigest()[:40])


class ConditionalGetMixin:
    """Reads answered 200 carry an ETag (a hash of the body); `If-None-Match` naming it gets
    304 Not Modified without a body."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != status.HTTP_200_OK:
            return response
        response.render()
        etag = etag_of(response.content)
        response["ETag"] = etag
        return get_conditional_response(request, etag=etag, response=response)


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
@renderer_classes([JSONRenderer])
def not_found(request, *args, **kwargs):
    """Any other path under an API's prefix: 404 as problem details, like the rest of it."""
    raise exceptions.NotFound


class Conventions(KnownParametersMixin, ConditionalGetMixin):
    """For every DRF view of the JSON APIs: unknown parameters refused, ETag and 304.
    Problem details and pages come from the settings (EXCEPTION_HANDLER, pagination)."""

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if (
            getattr(response, "content_type", None) == PROBLEM_CONTENT_TYPE
            and renderer is not None
            and renderer.format != "json"
        ):
            response.content_type = None  # the browsable API's HTML page of the problem
        return super().finalize_response(request, response, *args, **kwargs)
