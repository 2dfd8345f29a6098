"""The plan activity an initiative carries out, read and set through the API: only an activity
of the county's published plan for the year, a 422 naming the initiative otherwise."""

from django.urls import reverse

from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import ActionPlan
from stimulans.plans.services import publish
from stimulans.plans.yaml_import import import_plan_text

from .base import ApiTestCase


def detail(report):
    return reverse("api:report-detail", args=[report.pk])


class ReportPlanActivityApiTest(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        draft = import_plan_text(stockholm_plan_text())
        ActionPlan.objects.filter(pk=draft.pk).update(year=2020)
        cls.plan = publish(ActionPlan.objects.get(pk=draft.pk), cls.cora)
        cls.activity = cls.plan.activities.order_by("pk").first()

    def setUp(self):
        self.mine = self.make_report(self.stockholm, self.mobila_municipality, self.alice)

    def patch(self, report, version, *initiatives):
        return self.client.patch(
            detail(report), {"version": version, "initiatives": list(initiatives)}, format="json"
        )

    def test_it_sets_reads_and_clears_the_plan_activity(self):
        self.auth(self.alice)
        response = self.patch(
            self.mine, self.mine.version, {"identifier": "a1", "plan_activity": self.activity.pk}
        )
        self.assertEqual(response.status_code, 200, response.content)
        initiative = response.data["initiatives"][0]
        self.assertEqual(initiative["plan_activity"], str(self.activity.pk))
        self.assertTrue(initiative["plan_activity_title"].startswith("2020 "))
        self.assertIn(self.activity.title, initiative["plan_activity_title"])
        self.assertEqual(self.mine.initiatives.get().plan_activity, self.activity)
        # What was read can be sent back as it is (the title is ignored) …
        version = response.data["version"]
        response = self.patch(self.mine, version, initiative)
        self.assertEqual(response.status_code, 200, response.content)
        self.assertNotIn("plan_activity_title", self.mine.initiatives.get().extra)
        self.assertEqual(self.mine.initiatives.get().plan_activity, self.activity)
        # … and null clears the choice.
        response = self.patch(
            self.mine, response.data["version"], {"identifier": "a1", "plan_activity": None}
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assertNotIn("plan_activity", response.data["initiatives"][0])
        self.assertIsNone(self.mine.initiatives.get().plan_activity)

    def test_an_activity_of_no_published_plan_of_the_county_is_refused(self):
        self.auth(self.alice)
        version = self.mine.version
        response = self.patch(
            self.mine,
            version,
            {"identifier": "a1", "plan_activity": self.activity.pk},
            {"identifier": "a2", "plan_activity": "999999"},
        )
        self.assertEqual(response.status_code, 422, response.content)
        # Problem details name the field by its path: the second initiative.
        self.assertEqual(
            response.data["errors"],
            {
                "initiatives.1.plan_activity": [
                    "Okänd aktivitet ”999999”: välj en aktivitet i länets publicerade "
                    "handlingsplan för året."
                ]
            },
        )
        self.mine.refresh_from_db()
        self.assertEqual((self.mine.version, self.mine.initiatives.count()), (version, 0))
        # Another county's reporter may not name Stockholm's activity.
        uppsala = self.make_report(self.uppsala, self.mobila_municipality, self.charlie)
        self.auth(self.charlie)
        response = self.patch(
            uppsala, uppsala.version, {"identifier": "u1", "plan_activity": self.activity.pk}
        )
        self.assertEqual(response.status_code, 422, response.content)
        self.assertFalse(uppsala.initiatives.exists())
        # A draft plan's activities are not offered either.
        ActionPlan.objects.filter(pk=self.plan.pk).update(status="draft")
        self.auth(self.alice)
        response = self.patch(
            self.mine, version, {"identifier": "a1", "plan_activity": self.activity.pk}
        )
        self.assertEqual(response.status_code, 422, response.content)

    def test_a_new_report_may_name_the_countys_activity(self):
        self.auth(self.bob)
        url = reverse("api:report-list")
        data = {
            "year": 2020,
            "part": "handlingsplaner-mobila",
            "initiatives": [{"identifier": "b1", "plan_activity": self.activity.pk}],
        }
        response = self.client.post(
            url,
            {**data, "initiatives": [{"identifier": "b1", "plan_activity": "0"}]},
            format="json",
        )
        self.assertEqual(response.status_code, 422, response.content)
        response = self.client.post(url, data, format="json")
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.data["initiatives"][0]["plan_activity"], str(self.activity.pk))
