from django.urls import reverse

from stimulans.reporting.models import Report, ReportStatus

from .base import ApiTestCase


def detail(report):
    return reverse("api:report-detail", args=[report.pk])


class ReportUpdateApiTest(ApiTestCase):
    def setUp(self):
        self.mine = self.make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.bobs = self.make_report(self.botkyrka, self.mobila_municipality, self.bob)

    def patch(self, report, data):
        return self.client.patch(detail(report), data, format="json")

    def test_it_saves_answers_and_initiatives_with_the_version(self):
        self.auth(self.alice)
        version = self.mine.version
        response = self.patch(
            self.mine,
            {
                "version": version,
                "answers": {"funds_used_sek": 1000, "disruption": "pandemic"},
                "initiatives": [{"identifier": "a1", "title": "Team", "funds_sek": 500}],
            },
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.data["version"], version + 1)
        self.assertEqual(response.data["answers"]["disruption"], "pandemic")
        self.assertEqual(response.data["initiatives"][0]["funds_sek"], 500)
        # Absent keys are kept; initiatives, when sent, replace the list.
        response = self.patch(self.mine, {"version": version + 1, "initiatives": []})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.data["answers"]["disruption"], "pandemic")
        self.assertEqual(response.data["initiatives"], [])

    def test_a_stale_version_is_a_conflict_and_a_missing_one_refused(self):
        self.auth(self.alice)
        version = self.mine.version
        self.assertEqual(
            self.patch(self.mine, {"version": version, "answers": {"a": "1"}}).status_code, 200
        )
        response = self.patch(self.mine, {"version": version, "answers": {"a": "2"}})
        self.assertEqual(response.status_code, 409, response.content)
        self.assertEqual(response.data["version"], version + 1)
        self.assertEqual(self.patch(self.mine, {"answers": {"a": "3"}}).status_code, 400)
        self.mine.refresh_from_db()
        self.assertEqual(self.mine.answers["a"], "1")
        self.assertEqual(
            self.client.put(detail(self.mine), {"version": 1}, format="json").status_code, 405
        )

    def test_measures_by_code(self):
        report = self.make_report(self.region_stockholm, self.youth_region, self.regina)
        self.auth(self.regina)
        response = self.patch(
            report, {"version": report.version, "measures": {"bup.treatment.children": 7}}
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.data["measures"], {"bup.treatment.children": 7})
        # A measure the pot does not collect: well-formed, but not for this report.
        response = self.patch(report, {"version": report.version + 1, "measures": {"x.y": 1}})
        self.assertEqual(response.status_code, 422, response.content)
        self.assertEqual(
            response.data["errors"], {"measures": ["Okänt mått ”x.y” för den här redovisningen."]}
        )

    def test_submitted_reports_are_read_only(self):
        Report.objects.filter(pk=self.mine.pk).update(status=ReportStatus.SUBMITTED)
        self.auth(self.alice)
        response = self.patch(self.mine, {"version": self.mine.version, "answers": {"a": "1"}})
        self.assertEqual(response.status_code, 403, response.content)
        Report.objects.filter(pk=self.mine.pk).update(status=ReportStatus.APPROVED)
        self.assertEqual(self.patch(self.mine, {"version": self.mine.version}).status_code, 403)

    def test_it_checks_ownership(self):
        data = {"version": self.bobs.version, "answers": {"a": "x"}}
        request = {"method": "patch", "data": data, "format": "json"}
        # Another organisation's reporter, or another county's coordinator: not found, whether
        # in the county or not. Anonymous requests: 401.
        self.assertAccess(
            detail(self.bobs),
            refused=[self.alice, self.charlie, self.regina, self.otto],
            refused_status=404,
            **request,
        )
        # The county coordinator sees the report but does not edit it; nor do national roles.
        self.assertAccess(
            detail(self.bobs),
            refused=[self.cora, self.anna, self.adam],
            refused_status=403,
            **request,
        )
        self.bobs.refresh_from_db()
        self.assertNotIn("a", self.bobs.answers)
        # Own organisation: saved.
        self.assertAccess(detail(self.bobs), allowed=[self.bob], ok=200, **request)
        self.bobs.refresh_from_db()
        self.assertEqual(self.bobs.answers["a"], "x")
