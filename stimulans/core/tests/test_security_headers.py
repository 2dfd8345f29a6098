"""Security headers: a Content-Security-Policy with no inline script or style, Swagger UI from
the product itself, and `Cache-Control: private, no-store` on what logged-in users get."""

import re
import shutil
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse

from stimulans.api.tests.base import ApiTestCase
from stimulans.reporting.models import ReportAttachment
from stimulans.reporting.tests.base import make_report

PACKAGE = Path(__file__).resolve().parents[2]
MEDIA = tempfile.mkdtemp(prefix="stimulans-test-media-")


def csp(response):
    return dict(
        (part.split()[0], part.split()[1:])
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


@override_settings(MEDIA_ROOT=MEDIA)
class SecurityHeadersTest(ApiTestCase):
    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA, ignore_errors=True)

    def login(self, user):
        # A session login for the pages (ApiTestCase's login sends an API token).
        self.client.force_login(user)

    def assertPrivate(self, response):
        self.assertEqual(response.status_code, 200, response)
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        self.assertLessEqual({"private", "no-store"}, directives, response["Cache-Control"])

    def test_pages_have_a_policy_without_inline_script_or_style(self):
        for user in (None, self.alice):
            if user:
                self.login(user)
            policy = csp(self.client.get("/"))
            self.assertEqual(policy["script-src"], ["'self'"])
            self.assertEqual(policy["style-src"], ["'self'"])
            self.assertEqual(policy["object-src"], ["'none'"])
            self.assertEqual(policy["frame-ancestors"], ["'none'"])

    def test_templates_have_no_inline_script_style_or_handlers(self):
        inline = re.compile(
            r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:|hx-on",
            re.IGNORECASE,
        )
        found = []
        for path in PACKAGE.rglob("templates/**/*.html"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if inline.search(line):
                    found.append(f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}")
        self.assertEqual(found, [])
        # htmx adds a <style> for its indicators unless told not to.
        base = (PACKAGE / "templates" / "base.html").read_text(encoding="utf-8")
        self.assertIn('"includeIndicatorStyles": false', base)

    def test_swagger_ui_comes_from_the_product(self):
        self.auth(self.alice)
        response = self.client.get(reverse("api:docs"))
        html = response.content.decode()
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("cdn.", html)
        self.assertNotIn("<style", html)
        for src in re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', html):
            self.assertTrue(src.startswith("/"), src)
        self.assertIsNone(re.search(r"<script>", html))
        script = re.search(r'<script src="([^"]*script=[^"]*)"', html).group(1)
        response = self.client.get(script.replace("&amp;", "&"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("javascript", response["Content-Type"])
        self.assertIn("SwaggerUIBundle", response.content.decode())

    def test_logged_in_answers_are_private_and_not_stored(self):
        report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        attachment = ReportAttachment(report=report, name="plan.pdf", uploaded_by=self.alice)
        attachment.file.save("plan.pdf", ContentFile(b"%PDF-1.4 demo"))
        self.login(self.alice)
        for url in (
            "/",
            reverse("reporting:my_reports"),
            reverse("reporting:edit", args=[report.pk]),
            reverse("reporting:attachment", args=[report.pk, attachment.pk]),
        ):
            self.assertPrivate(self.client.get(url))
        self.login(self.adam)
        self.assertPrivate(
            self.client.get(reverse("reporting:export_xlsx", args=[self.mobila_municipality.pk]))
        )
        # The API with a token: no session at all.
        self.client.logout()
        self.auth(self.alice)
        self.assertPrivate(self.client.get(reverse("api:report-list")))

    def test_public_pages_keep_their_caching(self):
        response = self.client.get("/")
        self.assertNotIn("no-store", response.get("Cache-Control", ""))
