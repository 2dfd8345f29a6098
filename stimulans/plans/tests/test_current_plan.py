from django.urls import reverse

from stimulans.funds.services import load_agreement_2020
from stimulans.plans.models import ActionPlan

from .base import PlanTestCase


class CurrentPlanTest(PlanTestCase):
    """The home page points a reporter to the county's published plan, not a newer draft;
    the coordinator, who writes the draft, to the draft."""

    def test_a_reporter_is_pointed_to_the_published_version(self):
        self.assertGreater(self.draft.version, self.published.version)
        self.assertEqual(
            ActionPlan.objects.current_for(self.alice, self.alice.organisation.county),
            self.published,
        )
        load_agreement_2020()  # the home page shows the year's work
        self.login(self.alice)
        page = self.client.get("/")
        self.assertContains(page, reverse("plans:plan_detail", args=[self.published.pk]))
        self.assertNotContains(page, reverse("plans:plan_detail", args=[self.draft.pk]))

    def test_the_coordinator_is_pointed_to_the_draft(self):
        self.assertEqual(
            ActionPlan.objects.current_for(self.cora, self.cora.organisation.county), self.draft
        )
        # Another county's coordinator reads only the published version.
        self.assertEqual(
            ActionPlan.objects.current_for(self.otto, self.cora.organisation.county),
            self.published,
        )
