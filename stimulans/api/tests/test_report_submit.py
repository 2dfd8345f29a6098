from django.urls import reverse

from .base import ApiTestCase, complete_answers


def submit_url(report):
    return reverse("api:report-submit", args=[report.pk])


class ReportSubmitApiTest(ApiTestCase):
    def setUp(self):
        self.mine = self.make_report(self.stockholm, self.mobila_municipality, self.alice)

    def complete(self):
        from stimulans.reporting import services

        services.save_draft(
            self.mine, complete_answers(self.mobila_municipality), self.alice, self.mine.version
        )

    def test_an_incomplete_report_returns_the_errors_of_the_web_page(self):
        self.auth(self.alice)
        response = self.client.post(submit_url(self.mine), {}, format="json")
        self.assertEqual(response.status_code, 400, response.content)
        self.assertEqual(response["Content-Type"], "application/problem+json")
        self.assertEqual(response.data["type"], "urn:stimulans:problem:not-submittable")
        # Per field, as every error of the API; each problem also in `issues`.
        first = response.data["issues"][0]
        self.assertEqual(set(first), {"message", "field", "initiative"})
        self.assertEqual(response.data["errors"][first["field"]][0], first["message"])
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.status, "draft")

    def test_a_complete_report_is_submitted_and_then_read_only(self):
        self.complete()
        self.auth(self.alice)
        response = self.client.post(submit_url(self.mine), {}, format="json")
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.data["status"], "submitted")
        self.assertIsNotNone(response.data["submitted_at"])
        self.assertEqual(
            self.client.post(submit_url(self.mine), {}, format="json").status_code, 403
        )
        patch = self.client.patch(
            reverse("api:report-detail", args=[self.mine.pk]),
            {"version": response.data["version"], "answers": {"a": "b"}},
            format="json",
        )
        self.assertEqual(patch.status_code, 403, patch.content)

    def test_a_stale_version_is_a_conflict(self):
        self.complete()
        self.auth(self.alice)
        response = self.client.post(submit_url(self.mine), {"version": 1}, format="json")
        self.assertEqual(response.status_code, 409, response.content)

    def test_it_checks_ownership(self):
        self.complete()
        url = submit_url(self.mine)
        # Other organisations' reporters and another county's coordinator: not found; the
        # county coordinator and national roles: forbidden; anonymous requests: 401.
        others = [self.bob, self.charlie, self.regina, self.otto]
        self.assertAccess(url, method="post", format="json", refused=others, refused_status=404)
        national = [self.cora, self.anna, self.adam]
        self.assertAccess(url, method="post", format="json", refused=national, refused_status=403)
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.status, "draft")
        self.assertAccess(url, method="post", format="json", allowed=[self.alice], ok=200)
