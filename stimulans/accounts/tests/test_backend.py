"""The authentication backend reads the session's user with a query the ORM built once: the user
must be the one the ORM reads, refused where ModelBackend refuses, and read anew each request."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.utils import timezone

from stimulans.accounts.backends import UserBackend
from stimulans.accounts.models import Role, User
from stimulans.test import PASSWORD, BaseTestCase


class UserBackendTest(BaseTestCase):
    def test_it_reads_the_user_as_the_orm_does(self):
        User.objects.filter(pk=self.alice.pk).update(last_login=timezone.now(), is_staff=True)
        expected = User.objects.get(pk=self.alice.pk)
        with self.assertNumQueries(1):
            user = UserBackend().get_user(self.alice.pk)
        for field in User._meta.concrete_fields:
            value = getattr(user, field.attname)
            self.assertEqual(value, getattr(expected, field.attname), field.name)
            self.assertIs(type(value), type(getattr(expected, field.attname)), field.name)
        self.assertFalse(user._state.adding)
        self.assertEqual(user._state.db, "default")
        self.assertEqual(user.organisation, self.stockholm)
        # The session's id is a string.
        self.assertEqual(UserBackend().get_user(str(self.alice.pk)), expected)

    def test_it_refuses_whom_model_backend_refuses(self):
        self.assertIsNone(UserBackend().get_user(10**9))
        self.assertIsNone(UserBackend().get_user("not-a-number"))
        User.objects.filter(pk=self.alice.pk).update(is_active=False)
        self.assertIsNone(UserBackend().get_user(self.alice.pk))
        self.assertIsNone(ModelBackend().get_user(self.alice.pk))

    def test_logging_in_uses_it(self):
        self.assertIn("stimulans.accounts.backends.UserBackend", settings.AUTHENTICATION_BACKENDS)
        self.assertNotIn(
            "django.contrib.auth.backends.ModelBackend", settings.AUTHENTICATION_BACKENDS
        )
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        self.assertEqual(
            self.client.session[BACKEND_SESSION_KEY], "stimulans.accounts.backends.UserBackend"
        )

    def test_a_change_to_the_user_takes_effect_on_the_next_request(self):
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        page = "/"
        self.assertContains(self.client.get(page), "Stockholm")
        # Another organisation and role: the next page shows them (the header names both).
        User.objects.filter(pk=self.alice.pk).update(organisation=self.botkyrka)
        self.assertContains(self.client.get(page), "Botkyrka")
        User.objects.filter(pk=self.alice.pk).update(role=Role.ANALYST, organisation=None)
        self.assertContains(self.client.get(page), "(Analytiker)")
        # Deactivated: logged out at once.
        User.objects.filter(pk=self.alice.pk).update(is_active=False)
        self.assertNotContains(self.client.get(page), "(Analytiker)")
        self.assertAnonymousRefused(self.client.get("/redovisning/"))
        # A changed password ends the session too (Django's session hash, checked as before).
        User.objects.filter(pk=self.alice.pk).update(is_active=True)
        self.assertContains(self.client.get(page), "(Analytiker)")
        user = User.objects.get(pk=self.alice.pk)
        user.set_password("ett-annat-losenord-123")
        user.save()
        self.assertAnonymousRefused(self.client.get("/redovisning/"))
