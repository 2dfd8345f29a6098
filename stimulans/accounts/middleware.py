"""Sessions end after `SESSION_COOKIE_AGE` seconds without a request.

Django's SESSION_SAVE_EVERY_REQUEST would write the session (cache file and database row) on
every request, autosaves included; this middleware moves the expiry on at most once every
`SESSION_REFRESH_SECONDS`, so a session ends between AGE - REFRESH and AGE seconds after
its last request, with one write per REFRESH seconds of activity."""

import time

from django.conf import settings

KEY = "_touched"


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            now = int(time.time())
            if now - session.get(KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[KEY] = now  # marks it modified: saved with a new expiry
        return self.get_response(request)
