"""Sessions are read from a cache on disk shared by every worker process (cached_db), so a
logged-in request reads no session row. Logging out must still end the session everywhere."""

from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import caches
from django.test import Client

from stimulans.test import PASSWORD, BaseTestCase


class SessionTestCase(BaseTestCase):
    def test_sessions_are_cached_on_disk_and_written_to_the_database(self):
        from django.contrib.sessions.models import Session

        self.assertEqual(settings.SESSION_ENGINE, "django.contrib.sessions.backends.cached_db")
        self.assertEqual(caches[settings.SESSION_CACHE_ALIAS].__class__.__name__, "FileBasedCache")
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        key = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        self.assertIsNotNone(caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + key))
        self.assertTrue(Session.objects.filter(session_key=key).exists())

    def test_a_session_ended_by_logging_out_is_refused(self):
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        key = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        page = "/organisationer/municipality/0180/"
        self.assertEqual(self.client.get(page).status_code, 200)
        self.client.post("/konto/logga-ut/")
        self.assertIsNone(caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + key))
        # Someone holding the old cookie (another tab, another worker, a stolen copy).
        other = Client()
        other.cookies[settings.SESSION_COOKIE_NAME] = key
        response = other.get(page)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/konto/logga-in/", response["Location"])
