import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control

from .text import NOT_XML, clean_data, clean_text

if TYPE_CHECKING:  # the type of request.POST in django-stubs only
    from django.http.request import _ImmutableQueryDict

# The next middleware or the view: any response, streamed ones (exports, files) included.
GetResponse = Callable[[HttpRequest], HttpResponseBase]


class SwedishByDefaultMiddleware:
    """Swedish unless the user picked another language with the language switch (cookie).

    Officials' browsers are often set to English; the product speaks Swedish to them anyway.
    The paths in `settings.ACCEPT_LANGUAGE_PATHS` (the JSON APIs) keep `Accept-Language`.
    Place before django.middleware.locale.LocaleMiddleware.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        paths: tuple[str, ...] = tuple(getattr(settings, "ACCEPT_LANGUAGE_PATHS", ()))
        if not request.path_info.startswith(paths):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


TRANSIENT_MARKERS = (
    "locked",  # SQLite: database is locked / database table is locked
    "could not connect",
    "connection",  # refused, reset, closed, timed out
    "server closed",
    "terminating",
    "the database system is",  # starting up, shutting down, in recovery
    "timeout",
    "deadlock",
    "could not serialize",
    "too many clients",
)


def is_transient(error: BaseException) -> bool:
    """Errors that go away by themselves: a busy, restarting or unreachable database."""
    text = str(error).lower()
    return any(marker in text for marker in TRANSIENT_MARKERS)


class DatabaseUnavailableMiddleware:
    """When the database is briefly locked or unreachable, answer 503 with a clear Swedish message
    and a Retry-After header instead of a server error. Nothing was saved (each save is atomic);
    the report form keeps the user's typing locally and can simply be sent again."""

    RETRY_AFTER_SECONDS = 5

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.db import InterfaceError, OperationalError
        from django.shortcuts import render

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if isinstance(exception, OperationalError) and not is_transient(exception):
            return None  # e.g. a missing table: a fault to fix, not to retry
        import logging

        logging.getLogger("stimulans").warning("database unavailable: %s", exception)
        template = (
            "core/database_unavailable_fragment.html"
            if getattr(request, "htmx", False)
            else "core/database_unavailable.html"
        )
        response = render(request, template, status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response


class CleanInputMiddleware:
    """No text with characters that XML 1.0 cannot hold (see `core.text.clean_text`) reaches a
    view: they are removed from every posted form field (names and values, and the names of
    uploaded files) and from every string of a JSON body (keys included), for the pages and the
    API alike. Such a character in a stored text would break every Word and Excel download that
    shows it. Tab, newline and carriage return are kept. Uploaded files are the importers' to
    clean (`reporting.imports.read_table` and the others)."""

    METHODS = ("POST", "PUT", "PATCH")

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in self.METHODS:
            content_type = request.content_type or ""  # None only on a bare HttpRequest
            if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                _clean_form(request)
            elif content_type == "application/json" or content_type.endswith("+json"):
                _clean_json(request)
        return self.get_response(request)


def _set_body(request: HttpRequest, body: bytes) -> None:
    """Replace the request's body, so that a parser that reads it (the API's) gets `body`."""
    request._body = body
    request._stream = io.BytesIO(body)
    request.META["CONTENT_LENGTH"] = str(len(body))


def _clean_form(request: HttpRequest) -> None:
    post = request.POST
    for upload in request.FILES.values():
        # values() gives each field's last file, or [] for a field whose list is empty
        if isinstance(upload, UploadedFile) and upload.name and NOT_XML.search(upload.name):
            upload.name = clean_text(upload.name)
    if not any(
        NOT_XML.search(key) or any(NOT_XML.search(v) for v in values)
        for key, values in post.lists()
    ):
        return
    cleaned = QueryDict(mutable=True, encoding=post.encoding)
    for key, values in post.lists():
        cleaned.setlist(clean_text(key), [clean_text(v) for v in values])
    cleaned._mutable = False
    request.POST = cast("_ImmutableQueryDict", cleaned)  # the setter keeps it as request._post
    if request.content_type == "application/x-www-form-urlencoded":
        _set_body(request, cleaned.urlencode().encode(post.encoding or "utf-8"))


# In a JSON body the characters come as escapes (\u0001) or, for U+FFFE and U+FFFF, as UTF-8.
_JSON_MARKERS = (b"\\u", "\ufffe".encode(), "\uffff".encode())


def _clean_json(request: HttpRequest) -> None:
    body = request.body
    if not any(marker in body for marker in _JSON_MARKERS):
        return
    try:
        data = json.loads(body)
    except ValueError:
        return  # not JSON: the view refuses it with its own message
    cleaned = clean_data(data)
    if cleaned != data:
        _set_body(request, json.dumps(cleaned, ensure_ascii=False).encode("utf-8"))


class PrivateNoStoreMiddleware:
    """`Cache-Control: private, no-store` on every answer to a logged-in user (by session or
    API token): pages, exports, attachments and JSON hold organisations' drafts and names, and
    neither a shared proxy nor the browser's disk cache may keep them. Public pages for
    anonymous visitors keep their default caching. Place after AuthenticationMiddleware."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
