from stimulans.evaluation.models import SampledUnit, UnitEvent
from stimulans.reporting.models import Initiative

from .base import StudyTestCase


class UnitDetailTests(StudyTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        report = cls.reports[0]
        cls.unit = SampledUnit.objects.create(study=cls.study, organisation=report.organisation)
        cls.initiative = Initiative.objects.create(
            report=report, identifier="i1", title="Regional plan", activities="a", goals="g"
        )
        cls.foreign = Initiative.objects.create(
            report=cls.reports[1], identifier="i2", title="Annat län", activities="a", goals="g"
        )

    def test_it_checks_ownership(self):
        self.assertAccess(
            f"/utvardering/enheter/{self.unit.pk}/",
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora, self.otto, self.regina],
            ok=200,
        )

    def test_an_event_is_linked_to_the_units_own_initiative(self):
        self.login(self.anna)
        url = f"/utvardering/enheter/{self.unit.pk}/"
        data = {"year": 2021, "kind": "finding", "text": "Planen antogs"}
        response = self.client.post(url, {**data, "initiative": self.foreign.pk})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(UnitEvent.objects.exists())
        response = self.client.post(url, {**data, "initiative": self.initiative.pk})
        self.assertEqual(response.status_code, 302, response.content)
        page = self.client.get(url).content.decode()
        self.assertIn("Planen antogs", page)
        self.assertIn(f"/redovisning/r/{self.reports[0].pk}/", page)
        self.assertEqual(UnitEvent.objects.get().history.count(), 1)

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/utvardering/enheter/999999/").status_code, 404)
