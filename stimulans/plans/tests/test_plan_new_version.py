from django.urls import reverse

from stimulans.plans.models import ActionPlan
from stimulans.plans.services import publish

from .base import PlanTestCase


class PlanNewVersionTest(PlanTestCase):
    def url(self, plan):
        return reverse("plans:plan_new_version", args=[plan.pk])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url(self.published),
            method="post",
            data={"next_year": "1"},
            refused=[self.otto, self.alice, self.anna, self.charlie],
            allowed=[self.cora],
        )
        self.assertTrue(ActionPlan.objects.filter(year=2022, status="draft").exists())
        # A draft cannot be the source of a new version.
        self.login(self.cora)
        self.client.post(self.url(self.draft))
        self.assertEqual(ActionPlan.objects.filter(year=2021).count(), 2)

    def test_next_years_draft_starts_as_a_copy(self):
        self.login(self.cora)
        response = self.client.post(self.url(self.published), {"next_year": "1"})
        new = ActionPlan.objects.get(year=2022)
        self.assertRedirects(response, reverse("plans:plan_detail", args=[new.pk]))
        self.assertEqual(new.activities.count(), 15)
        self.assertEqual(new.based_on, self.published)

    def test_a_second_draft_of_the_year_is_refused(self):
        self.login(self.cora)
        response = self.client.post(self.url(self.published), follow=True)
        self.assertContains(response, "Det finns redan ett utkast")
        publish(self.draft, self.cora)
        response = self.client.post(self.url(self.reload(self.draft)))
        self.assertEqual(ActionPlan.objects.get(year=2021, status="draft").version, 6)
