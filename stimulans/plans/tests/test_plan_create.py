from django.urls import reverse

from stimulans.plans.models import ActionPlan

from .base import PlanTestCase

URL = reverse("plans:plan_create")


class PlanCreateTest(PlanTestCase):
    def test_it_checks_ownership(self):
        data = {"scope": "county", "county": self.county_uppsala.county_id, "year": 2030}
        # Another county's coordinator may create for their own county only: Uppsala is otto's.
        self.assertAccess(
            URL, method="post", data=data, allowed=[self.otto], refused=[self.alice, self.anna]
        )
        self.assertTrue(ActionPlan.objects.filter(county__code="03", year=2030).exists())
        # cora may not create a plan for Uppsala: the county is not a valid choice for her.
        self.login(self.cora)
        self.client.post(
            URL, {"scope": "county", "county": self.county_uppsala.county_id, "year": 2031}
        )
        self.assertFalse(ActionPlan.objects.filter(year=2031).exists())

    def test_a_coordinator_creates_an_empty_draft_for_the_own_county(self):
        self.login(self.cora)
        response = self.client.post(
            URL, {"scope": "county", "county": self.county_stockholm.county_id, "year": 2025}
        )
        plan = ActionPlan.objects.get(year=2025)
        self.assertRedirects(response, reverse("plans:plan_detail", args=[plan.pk]))
        self.assertEqual((plan.status, plan.version), ("draft", 6))

    def test_only_national_admins_create_the_national_list(self):
        self.login(self.cora)
        self.client.post(URL, {"scope": "national", "year": 2021})
        self.assertFalse(ActionPlan.objects.filter(scope="national").exists())
        self.login(self.adam)
        self.client.post(URL, {"scope": "national", "year": 2021})
        self.assertTrue(ActionPlan.objects.filter(scope="national", county=None).exists())

    def test_a_second_draft_for_the_same_year_is_refused(self):
        self.login(self.cora)
        response = self.client.post(
            URL,
            {"scope": "county", "county": self.county_stockholm.county_id, "year": 2021},
            follow=True,
        )
        self.assertContains(response, "Det finns redan ett utkast")
        self.assertEqual(ActionPlan.objects.filter(year=2021).count(), 2)
