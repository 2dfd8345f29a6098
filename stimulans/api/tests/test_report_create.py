from django.urls import reverse

from stimulans.reporting.models import Report

from .base import ApiTestCase, complete_answers

URL = reverse("api:report-list")


class ReportCreateApiTest(ApiTestCase):
    def payload(self, **extra):
        data = complete_answers(self.mobila_municipality)
        initiatives = data.pop("initiatives")
        initiatives[0].update(funds_sek=600000, effect_measured=True, within_agreement=True)
        return {
            "year": 2020,
            "part": "handlingsplaner-mobila",
            "answers": data,
            "initiatives": initiatives,
            **extra,
        }

    def test_it_creates_a_draft_of_the_users_organisation(self):
        self.auth(self.alice)
        response = self.client.post(URL, self.payload(), format="json")
        self.assertEqual(response.status_code, 201, response.content)
        report = Report.objects.get(pk=response.data["id"])
        self.assertEqual(
            (report.organisation, report.pot), (self.stockholm, self.mobila_municipality)
        )
        self.assertEqual(report.status, "draft")
        self.assertEqual(report.funds_used_sek, 900000)
        initiative = report.initiatives.get()
        self.assertEqual(initiative.funds_sek, 600000)
        self.assertTrue(initiative.effect_measured)
        self.assertEqual(response.data["version"], report.version)
        self.assertEqual(Report.history.filter(id=report.pk).first().history_user, self.alice)

    def test_by_pot_id_and_without_answers(self):
        self.auth(self.regina)
        response = self.client.post(URL, {"pot": self.youth_region.pk}, format="json")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["organisation"]["code"], "01")

    def test_it_refuses_duplicates_wrong_pots_and_bad_values(self):
        self.auth(self.alice)
        first = self.client.post(URL, self.payload(), format="json")
        again = self.client.post(URL, self.payload(), format="json")
        self.assertEqual(again.status_code, 409, again.content)
        self.assertEqual(again.data["id"], first.data["id"])
        # A pot for another kind of recipient: 403; a pot that does not exist: 404.
        self.assertEqual(
            (self.client.post(URL, {"pot": self.youth_region.pk}, format="json")).status_code, 403
        )
        self.assertEqual(
            (self.client.post(URL, {"year": 2020, "part": "nope"}, format="json")).status_code, 404
        )
        self.assertEqual((self.client.post(URL, {}, format="json")).status_code, 400)
        Report.objects.all().delete()
        bad = self.payload()
        bad["initiatives"][0]["funds_sek"] = "mycket"
        response = self.client.post(URL, bad, format="json")
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("initiatives.0.funds_sek", response.data["errors"])
        self.assertEqual(Report.objects.count(), 0)

    def test_it_checks_ownership(self):
        # A reporter cannot create a report for another organisation: the organisation is
        # always the user's own, whatever the payload says.
        self.auth(self.alice)
        response = self.client.post(
            URL, self.payload(organisation={"kind": "municipality", "code": "0127"}), format="json"
        )
        self.assertEqual(response.status_code, 201, response.content)
        self.assertFalse(Report.objects.filter(organisation=self.botkyrka).exists())
        # Another organisation's reporter creates their own, separate report.
        self.auth(self.bob)
        self.assertEqual(self.client.post(URL, self.payload(), format="json").status_code, 201)
        self.assertEqual(Report.objects.filter(pot=self.mobila_municipality).count(), 2)
        # County coordinators act for their own (county) organisation only.
        self.auth(self.cora)
        # (the county recipients have no pot of that part: 404)
        self.assertEqual((self.client.post(URL, self.payload(), format="json")).status_code, 404)
        self.assertEqual(
            (self.client.post(URL, {"pot": self.suicide_county.pk}, format="json")).status_code, 201
        )
        # Analysts and national administrators read; they do not create reports.
        # Anonymous requests: 401.
        self.assertAccess(
            URL,
            refused=[self.anna, self.adam],
            refused_status=403,
            method="post",
            data=self.payload(),
            format="json",
        )
        self.assertEqual(Report.objects.count(), 3)
