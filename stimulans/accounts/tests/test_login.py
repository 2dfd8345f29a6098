from django.conf import settings as django_settings

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, BaseTestCase, make_user


class LoginTestCase(BaseTestCase):
    url = "/konto/logga-in/"

    def test_it_logs_in(self):
        r = self.client.post(self.url, {"username": "alice", "password": PASSWORD})
        self.assertRedirects(r, "/")
        r = self.client.get("/")
        self.assertContains(r, "Stockholm")
        self.assertContains(r, "Rapportör")

    def test_wrong_password_gets_a_swedish_message(self):
        r = self.client.post(self.url, {"username": "alice", "password": "fel"})
        self.assertContains(r, "Ange ett korrekt användarnamn och lösenord")

    def test_it_locks_out_after_five_failures(self):
        for _ in range(5):
            self.client.post(self.url, {"username": "alice", "password": "fel"})
        r = self.client.post(self.url, {"username": "alice", "password": PASSWORD})
        self.assertContains(r, "För många inloggningsförsök", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_passwords_are_hashed_with_argon2(self):
        import stimulans.settings as product_settings

        self.assertEqual(
            product_settings.PASSWORD_HASHERS[0],
            "django.contrib.auth.hashers.Argon2PasswordHasher",
        )
        with self.settings(PASSWORD_HASHERS=product_settings.PASSWORD_HASHERS):
            user = make_user("hashed", Role.REPORTER, self.stockholm)
            self.assertTrue(user.password.startswith("argon2$"))
        self.assertIn("axes", django_settings.INSTALLED_APPS)

    def test_logout_is_post_only(self):
        self.login(self.alice)
        self.client.post("/konto/logga-ut/")
        self.assertNotIn("_auth_user_id", self.client.session)
