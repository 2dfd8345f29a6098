from django.urls import reverse

from stimulans.plans.models import Goal
from stimulans.plans.services import plan_change

from .base import PlanTestCase


class PlanDiffTest(PlanTestCase):
    def url(self, plan):
        return reverse("plans:plan_diff", args=[plan.pk])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url(self.draft),
            allowed=[self.cora, self.alice, self.anna, self.adam],
            refused=[self.otto, self.charlie],
        )
        # The published version can be read by other counties, but not compared with the draft.
        self.assertAccess(self.url(self.published), allowed=[self.otto])
        self.login(self.otto)
        response = self.client.get(self.url(self.published), {"med": self.draft.pk})
        self.assertEqual(response.status_code, 403)

    def test_it_lists_the_changes_since_the_previous_version(self):
        with plan_change(self.draft) as plan:
            area = plan.areas.get(title="Kunskap och kompetens")
            Goal.objects.create(plan=plan, area=area, term="short", text="Fler använder begreppen")
        self.login(self.cora)
        response = self.client.get(self.url(self.draft))
        self.assertContains(response, "Tillagt")
        self.assertContains(response, "Fler använder begreppen")
        # Either direction gives old → new.
        response = self.client.get(self.url(self.published), {"med": self.draft.pk})
        self.assertContains(response, "Tillagt")

    def test_identical_versions(self):
        self.login(self.cora)
        self.assertContains(self.client.get(self.url(self.draft)), "samma innehåll")
