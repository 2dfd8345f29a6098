import datetime

from stimulans.evaluation.models import WorkPlanActivity
from stimulans.evaluation.timeline import quarters, timeline
from stimulans.test import BaseTestCase

D = datetime.date


class WorkPlanTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.activity = WorkPlanActivity.objects.create(
            duty="support",
            title="Dialoger",
            agency="both",
            start=D(2021, 2, 1),
            end=D(2021, 8, 1),
            status="ongoing",
        )
        WorkPlanActivity.objects.create(
            duty="evaluate",
            title="Slutrapport",
            agency="both",
            start=D(2022, 1, 1),
            end=D(2022, 3, 1),
            status="planned",
        )

    def test_it_checks_ownership(self):
        pages = self.assertAccess(
            "/utvardering/arbetsplan/",
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora, self.otto],
            ok=200,
        )
        page = pages[self.anna].content.decode()
        self.assertIn("Dialoger", page)
        self.assertIn("Slutrapport", page)
        self.assertEqual(page.count('class="q on status-ongoing"'), 3)
        self.assertEqual(page.count('class="q on status-planned"'), 1)
        self.assertAccess(
            "/utvardering/arbetsplan/ny/",
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.bob, self.cora, self.otto],
            ok=200,
        )
        self.assertAccess(
            f"/utvardering/arbetsplan/{self.activity.pk}/",
            allowed=[self.adam],
            refused=[self.alice, self.cora],
            ok=200,
        )

    def test_the_timeline_marks_the_quarters_an_activity_runs(self):
        self.assertEqual(quarters(D(2021, 11, 1), D(2022, 2, 1)), [(2021, 4), (2022, 1)])
        tl = timeline(WorkPlanActivity.objects.filter(duty="support"))
        self.assertEqual(tl["quarters"], [(2021, 1), (2021, 2), (2021, 3)])
        self.assertEqual(tl["rows"][0][1], [True, True, True])
        tl = timeline(WorkPlanActivity.objects.all())
        self.assertEqual(len(tl["quarters"]), 5)
        self.assertEqual(tl["years"], [(2021, 4), (2022, 1)])
        # in the order of the duties' codes: evaluate, then support
        self.assertEqual(tl["rows"][0][1], [False, False, False, False, True])
        self.assertEqual(tl["rows"][1][1], [True, True, True, False, False])

    def test_it_saves_an_activity_and_refuses_a_period_backwards(self):
        self.login(self.anna)
        data = {
            "duty": "follow",
            "title": "Enkät",
            "agency": "socialstyrelsen",
            "start": "2021-05-01",
            "end": "2021-04-01",
            "status": "ongoing",
        }
        response = self.client.post("/utvardering/arbetsplan/ny/", data)
        self.assertIn("Slutet kan inte vara före början.", response.content.decode())
        response = self.client.post("/utvardering/arbetsplan/ny/", {**data, "end": "2021-06-01"})
        self.assertEqual(response.status_code, 302, response.content)
        self.assertTrue(WorkPlanActivity.objects.filter(title="Enkät").exists())

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/utvardering/arbetsplan/999999/").status_code, 404)
