from django.urls import reverse

from .base import PlanTestCase


class NationalOverviewTest(PlanTestCase):
    def test_it_checks_ownership(self):
        self.assertAccess(
            reverse("plans:national_overview"),
            allowed=[self.anna, self.adam],
            refused=[self.cora, self.otto, self.alice, self.charlie],
        )

    def test_it_shows_all_21_counties(self):
        self.login(self.anna)
        response = self.client.get(reverse("plans:national_overview_year", args=[2021]))
        self.assertEqual(len(response.context["rows"]), 21)
        self.assertEqual(response.context["states"], {"current": 1, "older": 0, "none": 20})
        self.assertContains(response, "Norrbottens län")
        self.assertContains(response, "Barn och unga 0–24 år: 8")
        self.assertContains(response, '<th scope="row">Stockholms län</th>', html=False)
        response = self.client.get(reverse("plans:national_overview"), {"ar": "2022"})
        self.assertEqual(response.context["states"], {"current": 0, "older": 1, "none": 20})
