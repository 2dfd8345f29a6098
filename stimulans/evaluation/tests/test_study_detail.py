from stimulans.evaluation.models import SampledUnit, UnitEvent

from .base import StudyTestCase


class StudyDetailTests(StudyTestCase):
    def test_it_checks_ownership(self):
        url = f"/utvardering/studier/{self.study.pk}/"
        self.assertAccess(
            url, allowed=[self.anna, self.adam], refused=[self.alice, self.cora, self.otto], ok=200
        )
        self.assertAccess(
            f"/utvardering/studier/{self.study.pk}/urval/",
            method="post",
            data={"size": 2, "seed": 5},
            allowed=[self.anna],
            refused=[self.alice, self.cora],
            ok=302,
        )
        self.assertAccess(
            f"/utvardering/studier/{self.study.pk}/enheter/",
            method="post",
            data={"organisation": self.stockholm.pk},
            allowed=[self.adam],
            refused=[self.regina, self.otto],
            ok=302,
        )

    def test_the_sample_is_followed_over_the_years(self):
        self.login(self.anna)
        self.client.post(f"/utvardering/studier/{self.study.pk}/urval/", {"size": 2, "seed": 5})
        self.assertEqual(self.study.units.filter(drawn=True).count(), 2)
        unit = self.study.units.first()
        UnitEvent.objects.create(unit=unit, year=2021, kind="finding", text="Avtal om samverkan")
        page = self.client.get(f"/utvardering/studier/{self.study.pk}/").content.decode()
        self.assertIn("2 enheter dragna med slumpfrö 5", page)
        self.assertIn("Resultat: Avtal om samverkan", page)

    def test_bad_draws_and_picks_are_named(self):
        self.login(self.anna)
        url = f"/utvardering/studier/{self.study.pk}/"
        response = self.client.post(url + "urval/", {"size": 9, "seed": 5}, follow=True)
        self.assertIn("Urvalet kan vara 1–6 enheter", response.content.decode())
        response = self.client.post(url + "enheter/", {"initiative": 999999}, follow=True)
        self.assertIn("Det finns ingen insats med det numret.", response.content.decode())
        self.client.post(url + "enheter/", {"organisation": self.stockholm.pk})
        response = self.client.post(
            url + "enheter/", {"organisation": self.stockholm.pk}, follow=True
        )
        self.assertIn("Enheten finns redan i urvalet.", response.content.decode())
        self.assertEqual(SampledUnit.objects.filter(study=self.study).count(), 1)

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/utvardering/studier/999999/").status_code, 404)
        self.assertEqual(self.client.post("/utvardering/studier/999999/urval/").status_code, 404)
