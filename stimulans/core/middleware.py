from django.utils.cache import patch_cache_control


class SwedishByDefaultMiddleware:
    """Swedish unless the user picked another language with the language switch (cookie).

    Officials' browsers are often set to English; the product speaks Swedish to them anyway.
    Place before django.middleware.locale.LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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


def is_transient(error):
    """Errors that go away by themselves: a busy, restarting or unreachable database."""
    text = str(error).lower()
    return any(marker in text for marker in TRANSIENT_MARKERS)


class DatabaseUnavailableMiddleware:
    """When the database is briefly locked or unreachable, answer 503 with a clear Swedish message
    and a Retry-After header instead of a server error. Nothing was saved (each save is atomic);
    the report form keeps the user's typing locally and can simply be sent again."""

    RETRY_AFTER_SECONDS = 5

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
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


class PrivateNoStoreMiddleware:
    """`Cache-Control: private, no-store` on every answer to a logged-in user (by session or
    API token): pages, exports, attachments and JSON hold organisations' drafts and names, and
    neither a shared proxy nor the browser's disk cache may keep them. Public pages for
    anonymous visitors keep their default caching. Place after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
