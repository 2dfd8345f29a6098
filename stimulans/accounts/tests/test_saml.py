"""Signing in through a real SAML 2.0 IdP on loopback (pysaml2, stimulans.testing_saml): the
product's signed AuthnRequest goes to the IdP over HTTP, the IdP's signed assertion comes back
in its auto-posting form, which the test posts as a browser would."""

import base64
import tempfile

import requests
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from saml2.metadata import create_metadata_string

from stimulans.accounts import invitations, saml
from stimulans.accounts.models import AuditEvent, AuditKind, Role
from stimulans.test import BaseTestCase
from stimulans.testing_saml import form_fields, saml_idp


class SamlSignInTestCase(BaseTestCase):
    def setUp(self):
        self.alice.email = "alice@stockholm.se"
        self.alice.save()
        directory = self.enterContext(tempfile.TemporaryDirectory())
        self.idp = self.enterContext(saml_idp(directory))
        key_file, cert_file = self.idp.sp_keys
        self.enterContext(
            override_settings(
                SITE_URL="http://testserver",
                SAML_IDP_METADATA=self.idp.metadata_file,
                SAML_KEY_FILE=key_file,
                SAML_CERT_FILE=cert_file,
            )
        )
        self.idp.trust_sp(create_metadata_string(None, config=saml.config_loader()))

    def sign_in(self, identity):
        self.idp.sign_in_as(identity)
        r = self.client.get("/konto/saml2/login/")
        self.assertEqual(r.status_code, 302, r.content[:500])
        self.assertTrue(r["Location"].startswith(self.idp.url + "/sso?"))
        page = requests.get(r["Location"], timeout=10)
        self.assertEqual(page.status_code, 200)
        action, fields = form_fields(page.text)
        self.assertEqual(action, "http://testserver/konto/saml2/acs/")
        return self.client.post("/konto/saml2/acs/", fields)

    def signed_in(self):
        return self.client.session.get("_auth_user_id")

    def test_metadata_is_served(self):
        r = self.client.get("/konto/saml2/metadata/")
        self.assertContains(r, "http://testserver/konto/saml2/acs/")

    def test_it_is_off_without_metadata(self):
        self.assertContains(self.client.get("/konto/logga-in/"), "/konto/saml2/login/")
        with override_settings(SAML_IDP_METADATA=""):
            self.assertNotContains(self.client.get("/konto/logga-in/"), "/konto/saml2/login/")
            self.assertEqual(self.client.get("/konto/saml2/login/").status_code, 404)

    def test_an_asserted_address_signs_in_its_user(self):
        r = self.sign_in({"mail": ["alice@stockholm.se"]})
        self.assertEqual(r.status_code, 302, r.content[:1000])
        self.assertEqual(int(self.signed_in()), self.alice.pk)
        self.assertTrue(
            AuditEvent.objects.filter(
                kind=AuditKind.SIGN_IN, user=self.alice, detail="SamlBackend"
            ).exists()
        )

    def test_a_changed_assertion_is_refused(self):
        self.bob.email = "bobxx@stockholm.se"
        self.bob.save()
        self.idp.sign_in_as({"mail": ["alice@stockholm.se"]})
        r = self.client.get("/konto/saml2/login/")
        action, fields = form_fields(requests.get(r["Location"], timeout=10).text)
        xml = base64.b64decode(fields["SAMLResponse"]).replace(
            b"alice@stockholm.se", b"bobxx@stockholm.se"
        )
        self.assertIn(b"bobxx@stockholm.se", xml)
        r = self.client.post(
            "/konto/saml2/acs/", {**fields, "SAMLResponse": base64.b64encode(xml).decode()}
        )
        self.assertIsNone(self.signed_in())
        self.assertNotEqual(r.status_code, 500)

    def test_an_unknown_address_makes_no_user(self):
        r = self.sign_in({"mail": ["okand@stockholm.se"]})
        self.assertIsNone(self.signed_in())
        self.assertFalse(type(self.alice).objects.filter(email="okand@stockholm.se").exists())
        self.assertContains(r, "Be din länssamordnare om en inbjudan", status_code=403)

    def test_an_invited_address_becomes_the_invited_user(self):
        invitations.invite(
            self.cora,
            "ny@stockholm.se",
            Role.REPORTER,
            self.stockholm,
            "Nina Ny",
            base_url="http://testserver/",
        )
        self.sign_in({"mail": ["ny@stockholm.se"]})
        user = type(self.alice).objects.get(email="ny@stockholm.se")
        self.assertEqual(int(self.signed_in()), user.pk)
        self.assertEqual((user.role, user.organisation), (Role.REPORTER, self.stockholm))

    def test_djangosaml2s_pages_are_swedish(self):
        # Through djangosaml2's own views: already signed in, and a logout it cannot finish.
        self.login(self.alice)
        with override_settings(SAML_IGNORE_AUTHENTICATED_USERS_ON_LOGIN=False):
            r = self.client.get("/konto/saml2/login/")
        self.assertContains(r, "Du är redan inloggad")
        self.assertNotContains(r, "Authorization error")
        # The IdP asks for a logout of a session that did not sign in through it.
        r = self.client.get("/konto/saml2/ls/", {"SAMLRequest": "x"})
        self.assertContains(r, "Utloggningen gick inte hela vägen", status_code=403)
        self.assertNotContains(r, "Logout error", status_code=403)
        # The others, rendered as djangosaml2 renders them (the template names it uses).
        request = RequestFactory().get("/konto/saml2/login/")
        request.user = AnonymousUser()
        context = {
            "target_url": "https://idp.example/sso",
            "params": {"SAMLRequest": "abc"},
            "available_idps": [("https://idp.example/", "Sweden Connect")],
            "came_from": "/",
            "attributes": {"mail": ["alice@stockholm.se"]},
        }
        for name, swedish in [
            ("post_binding_form.html", "Fortsätt till inloggningen"),
            ("example_post_binding_form.html", "Fortsätt till inloggningen"),
            ("wayf.html", "Välj e-legitimationstjänst"),
            ("echo_attributes.html", "SAML-attribut"),
            ("login_error.html", "Be din länssamordnare om en inbjudan"),
        ]:
            html = render_to_string(f"djangosaml2/{name}", context, request)
            self.assertIn(swedish, html, name)
            self.assertIn('lang="sv"', html, name)
            for english in ("Log in", "Where are you from", "SAML attributes", "Access Denied"):
                self.assertNotIn(english, html, name)
