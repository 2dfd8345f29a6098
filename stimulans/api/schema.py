"""drf-spectacular hooks: the schema shows the versioned paths only (`/api/v1/`, and the
analysis JSON `/analys/api/`), every operation documents its errors as problem details
(400, 401, 403, 404, 409; writes also 422), reads their ETag and 304, and the filters whose
values come from the database list those values."""

from django.utils.translation import gettext as _

from .conventions import PROBLEM_CONTENT_TYPE
from .filters import DATABASE_CHOICES

DOCUMENTED_PREFIXES = ("/api/v1/", "/analys/api/")
ERROR_STATUSES = ("400", "401", "403", "404", "409")


def versioned_paths_only(endpoints, **kwargs):
    """`/api/` is an alias of `/api/v1/` for existing clients; the schema names each operation
    once, under its versioned path. The schema and docs views are not operations."""
    return [
        (path, regex, method, callback)
        for path, regex, method, callback in endpoints
        if path.startswith(DOCUMENTED_PREFIXES) and not path.startswith(("/api/v1/schema/",))
    ]


def _error_descriptions():
    return {
        "400": _("Felaktig begäran: en parameter eller ett fält har ett ogiltigt värde (errors)."),
        "401": _("Ingen eller ogiltig token."),
        "403": _("Användaren får inte göra detta."),
        "404": _("Finns inte, eller användaren får inte läsa det."),
        "409": _("Konflikt med det som redan finns (version eller befintlig redovisning)."),
    }


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["type", "title", "status", "detail"],
}


def conventions(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    problem = {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    descriptions = _error_descriptions()
    choices = {name: (values(), kind) for name, (values, kind) in DATABASE_CHOICES.items()}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in ERROR_STATUSES:
                documented = responses.get(code, {})
                responses[code] = {
                    "description": documented.get("description") or descriptions[code],
                    "content": problem,
                }
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and choices.get(parameter["name"], [[]])[0]:
                    values, kind = choices[parameter["name"]]
                    parameter["schema"] = {
                        "type": kind,
                        "enum": [int(v) if kind == "integer" else v for v, _label in values],
                    }
            if method in ("post", "patch"):
                responses["422"] = {
                    "description": _(
                        "Välformat men inte för den här redovisningen (ett mått som potten "
                        "inte samlar in)."
                    ),
                    "content": problem,
                }
            if method == "get":
                _document_etag(operation)
    # What the serializers check beyond their fields: a new report names its pot (or year and
    # part), an update the version it starts from (PATCH is partial for the answers only).
    if "ReportCreate" in schemas:
        schemas["ReportCreate"]["anyOf"] = [{"required": ["pot"]}, {"required": ["year", "part"]}]
    if "PatchedReportUpdate" in schemas:
        schemas["PatchedReportUpdate"]["required"] = ["version"]
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            body = operation.get("requestBody")
            if body and any(
                _needs_body(schemas, media.get("schema", {})) for media in body["content"].values()
            ):
                body["required"] = True
    return result


def _needs_body(schemas, schema):
    ref = schema.get("$ref", "")
    component = schemas.get(ref.rsplit("/", 1)[-1], {}) if ref else schema
    return bool(component.get("required") or component.get("anyOf"))


def _document_etag(operation):
    operation.setdefault("parameters", []).append(
        {
            "in": "header",
            "name": "If-None-Match",
            "schema": {"type": "string"},
            "description": _("ETag från ett tidigare svar: oförändrat svar ger 304."),
        }
    )
    ok = operation["responses"].get("200")
    if ok is not None:
        ok.setdefault("headers", {})["ETag"] = {
            "schema": {"type": "string"},
            "description": _("Svarets version; skicka den i If-None-Match."),
        }
    operation["responses"]["304"] = {"description": _("Oförändrat sedan If-None-Match.")}
