"""Hostile values that a random generator rarely hits, sent on purpose: numbers too large for
the database, NUL characters (which PostgreSQL refuses in text; removed on the way in), very
long lists of initiatives. Each answers 4xx with the report unchanged, or is saved without the
NUL; never 500."""

import json

from django.urls import reverse

from stimulans.reporting.models import Report

from .base import ApiTestCase, complete_answers

HUGE = 10**30


class HostilePayloadTest(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.report = cls.make_report(
            cls,
            cls.region_stockholm,
            cls.youth_region,
            cls.regina,
            complete_answers(cls.youth_region),
        )

    def patch(self, body):
        self.auth(self.regina)
        version = Report.objects.get(pk=self.report.pk).version
        return self.client.patch(
            reverse("api:report-detail", args=[self.report.pk]),
            {"version": version, **body},
            format="json",
        )

    def assertRefusedUnchanged(self, response):
        self.assertEqual(response.status_code, 400, response.content)
        self.assertEqual(Report.objects.get(pk=self.report.pk).version, self.report.version)

    def test_numbers_too_large_are_refused(self):
        code = self.youth_region.measures.first().code
        for body in [
            {"measures": {code: HUGE}},
            {"initiatives": [{"title": "x", "funds_sek": HUGE}]},
            {"answers": {"funds_used_sek": HUGE}},
            {"answers": {"funds_received_sek": str(HUGE)}},
            {"answers": {"bup_first_assessment_children": f"{HUGE:,}".replace(",", " ")}},
        ]:
            with self.subTest(body=body):
                self.assertRefusedUnchanged(self.patch(body))
        # A version from the future is a conflict like any other.
        self.assertEqual(self.patch({"version": HUGE}).status_code, 409)
        self.auth(self.regina)
        # No such pot: 404.
        response = self.client.post(reverse("api:report-list"), {"pot": HUGE}, format="json")
        self.assertEqual(response.status_code, 404, response.content)
        response = self.client.post(
            reverse("api:report-list"), {"year": HUGE, "part": "barn-unga"}, format="json"
        )
        self.assertEqual(response.status_code, 404, response.content)
        for url in ("api:report-detail", "api:allocation-detail"):
            self.assertEqual(self.client.get(reverse(url, args=[HUGE])).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("api:report-list"), {"year": str(HUGE)}).status_code, 400
        )

    def test_nul_characters_are_removed(self):
        # Like every character XML 1.0 cannot hold (core.middleware.CleanInputMiddleware):
        # the rest of the text is saved, or refused for another reason; never a NUL stored.
        for body in [
            {"answers": {"funds_explanation": "a\x00b"}},
            {"answers": {"support_needed": ["knowledge", "\x00"]}},
            {"answers": {"x\x00": "a"}},
            {"initiatives": [{"title": "a\x00b"}]},
            {"initiatives": [{"title": "a", "own_field": "a\x00b"}]},
            {"initiatives": [{"title": "a", "own\x00field": "a"}]},
            {"measures": {"a\x00": 1}},
        ]:
            with self.subTest(body=body):
                response = self.patch(body)
                self.assertIn(
                    response.status_code, (200, 400, 422), getattr(response, "data", None)
                )
                report = Report.objects.get(pk=self.report.pk)
                stored = [report.answers, list(report.initiatives.values())]
                self.assertNotIn("\\u0000", json.dumps(stored, default=str))
        self.assertEqual(Report.objects.get(pk=self.report.pk).funds_explanation, "ab")
        self.assertEqual(Report.objects.get(pk=self.report.pk).initiatives.get().title, "a")
        self.auth(self.regina)
        for param in ("part", "org_code", "status"):
            response = self.client.get(reverse("api:report-list"), {param: "a\x00"})
            self.assertEqual(response.status_code, 400, response.content)

    def test_a_refused_new_report_is_not_created(self):
        self.auth(self.alice)
        for extra in [
            {"answers": {"funds_used_sek": HUGE}},
            {"initiatives": [{"title": "a", "funds_sek": HUGE}]},
        ]:
            with self.subTest(extra=extra):
                response = self.client.post(
                    reverse("api:report-list"),
                    {"pot": self.mobila_municipality.pk, **extra},
                    format="json",
                )
                self.assertEqual(response.status_code, 400, response.content)
                self.assertFalse(Report.objects.filter(organisation=self.stockholm).exists())

    def test_a_very_long_list_of_initiatives_is_refused(self):
        self.assertRefusedUnchanged(self.patch({"initiatives": [{}] * 1001}))
        self.assertEqual(self.patch({"initiatives": [{}] * 1000}).status_code, 200)

    def test_it_checks_ownership(self):
        # Hostile input from someone who may not change the report answers 404 or 403 first.
        # Anonymous requests: 401.
        url = reverse("api:report-detail", args=[self.report.pk])
        request = {
            "method": "patch",
            "data": {"version": 1, "answers": {"funds_used_sek": HUGE}},
            "format": "json",
        }
        self.assertAccess(url, refused=[self.alice], refused_status=404, **request)
        self.assertAccess(url, refused=[self.cora, self.adam], refused_status=403, **request)
