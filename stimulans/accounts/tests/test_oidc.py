"""Signing in through a real OpenID Connect provider on loopback (stimulans.testing_oidc): the
browser's redirects are followed by hand, the product talks HTTP to the provider itself."""

from urllib.parse import urlparse

import requests
from django.test import override_settings

from stimulans.accounts import invitations
from stimulans.accounts.models import AuditEvent, AuditKind, Role
from stimulans.test import BaseTestCase
from stimulans.testing_oidc import oidc_provider


class OIDCSignInTestCase(BaseTestCase):
    def setUp(self):
        self.alice.email = "alice@stockholm.se"
        self.alice.save()
        self.op = self.enterContext(oidc_provider())
        self.enterContext(
            override_settings(OIDC_PROVIDERS={"sthlm": self.op.settings(["stockholm.se"])})
        )

    def sign_in(self, email, claims):
        self.op.sign_in_as(claims)
        r = self.client.post("/konto/logga-in/organisation/", {"email": email})
        self.assertRedirects(r, "/konto/oidc/start/", fetch_redirect_response=False)
        r = self.client.get("/konto/oidc/start/")
        self.assertEqual(r.status_code, 302)
        self.assertTrue(r["Location"].startswith(self.op.url + "/authorize?"))
        at_provider = requests.get(r["Location"], allow_redirects=False, timeout=10)
        self.assertEqual(at_provider.status_code, 302, at_provider.text)
        callback = urlparse(at_provider.headers["Location"])
        self.assertEqual(callback.path, "/konto/oidc/callback/")
        return self.client.get(f"{callback.path}?{callback.query}")

    def signed_in(self):
        return self.client.session.get("_auth_user_id")

    def test_the_login_page_offers_it_only_when_configured(self):
        self.assertContains(self.client.get("/konto/logga-in/"), "organisations inloggning")
        with override_settings(OIDC_PROVIDERS={}):
            self.assertNotContains(self.client.get("/konto/logga-in/"), "organisations inloggning")

    def test_a_verified_address_signs_in_its_user(self):
        r = self.sign_in(
            "alice@stockholm.se",
            {"sub": "a1", "email": "Alice@Stockholm.se", "email_verified": True},
        )
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.assertEqual(int(self.signed_in()), self.alice.pk)
        self.assertIn(("POST", "/token"), self.op.requests)
        self.assertIn(("GET", "/userinfo"), self.op.requests)
        event = AuditEvent.objects.get(kind=AuditKind.SIGN_IN)
        self.assertEqual((event.user, event.detail), (self.alice, "ProviderBackend"))

    def test_deactivating_ends_the_session(self):
        self.sign_in(
            "alice@stockholm.se",
            {"sub": "a1", "email": "alice@stockholm.se", "email_verified": True},
        )
        page = "/organisationer/municipality/0180/"
        self.assertEqual(self.client.get(page).status_code, 200)
        self.alice.is_active = False
        self.alice.save()
        self.assertEqual(self.client.get(page).status_code, 302)

    def test_an_unverified_address_is_refused(self):
        r = self.sign_in(
            "alice@stockholm.se",
            {"sub": "a1", "email": "alice@stockholm.se", "email_verified": False},
        )
        self.assertRedirects(r, "/konto/logga-in/?sso=fel", fetch_redirect_response=False)
        self.assertIsNone(self.signed_in())

    def test_an_address_outside_the_providers_domains_is_refused(self):
        self.bob.email = "bob@botkyrka.se"
        self.bob.save()
        r = self.sign_in(
            "alice@stockholm.se", {"sub": "b", "email": "bob@botkyrka.se", "email_verified": True}
        )
        self.assertRedirects(r, "/konto/logga-in/?sso=fel", fetch_redirect_response=False)
        self.assertIsNone(self.signed_in())

    def test_no_user_is_made_from_claims(self):
        claims = {
            "sub": "x",
            "email": "okand@stockholm.se",
            "email_verified": True,
            "role": "national_admin",
        }
        r = self.sign_in("okand@stockholm.se", claims)
        self.assertRedirects(r, "/konto/logga-in/?sso=fel", fetch_redirect_response=False)
        self.assertFalse(type(self.alice).objects.filter(email="okand@stockholm.se").exists())

    def test_an_invited_address_becomes_the_invited_user(self):
        invitations.invite(
            self.cora,
            "ny@stockholm.se",
            Role.REPORTER,
            self.stockholm,
            "Nina Ny",
            base_url="http://testserver/",
        )
        claims = {
            "sub": "n",
            "email": "ny@stockholm.se",
            "email_verified": True,
            "role": "national_admin",
        }
        self.sign_in("ny@stockholm.se", claims)
        user = type(self.alice).objects.get(email="ny@stockholm.se")
        self.assertEqual(int(self.signed_in()), user.pk)
        self.assertEqual(
            (user.role, user.organisation, user.first_name), (Role.REPORTER, self.stockholm, "Nina")
        )
        self.assertFalse(user.has_usable_password())

    def assertRejectedToken(self, r):
        """Back to the login page with a Swedish message (not a 400 page), audited."""
        self.assertIsNone(self.signed_in())
        self.assertRedirects(r, "/konto/logga-in/?sso=fel", fetch_redirect_response=False)
        page = self.client.get(r["Location"])
        self.assertContains(page, "gällde inte Stimulans eller kom från fel tjänst")
        self.assertTrue(AuditEvent.objects.filter(kind=AuditKind.SIGN_IN_FAILED).exists())

    def test_an_id_token_for_another_client_is_refused(self):
        self.op.audience = "another-service"
        r = self.sign_in(
            "alice@stockholm.se",
            {"sub": "a1", "email": "alice@stockholm.se", "email_verified": True},
        )
        self.assertRejectedToken(r)

    def test_an_id_token_from_another_issuer_is_refused(self):
        provider = {**self.op.settings(["stockholm.se"]), "issuer": "https://annan.example"}
        with override_settings(OIDC_PROVIDERS={"sthlm": provider}):
            r = self.sign_in(
                "alice@stockholm.se",
                {"sub": "a1", "email": "alice@stockholm.se", "email_verified": True},
            )
        self.assertRejectedToken(r)

    def test_an_unknown_domain_is_sent_back_to_the_password_form(self):
        r = self.client.post("/konto/logga-in/organisation/", {"email": "x@annan.se"}, follow=True)
        self.assertContains(r, "ingen egen inloggning")
