"""`ActionPlan.objects.visible_to(user)`: the one rule of which plan versions a user reads,
used by the plan list, the version lists and, through `can_view_plan`, every plan page."""

from django.contrib.auth.models import AnonymousUser

from stimulans.plans.models import ActionPlan
from stimulans.plans.permissions import can_view_plan

from .base import PlanTestCase


class VisibleToTest(PlanTestCase):
    def setUp(self):
        self.national_draft = self.national_plan()

    def visible(self, user):
        return set(ActionPlan.objects.visible_to(user))

    def test_it_checks_ownership(self):
        everything = {self.published, self.draft, self.national_draft}
        # The county's officials (own organisation and another of the county, the county's
        # coordinator) read its draft; nobody but the national roles reads a national draft.
        for user in (self.alice, self.bob, self.regina, self.cora):
            self.assertEqual(self.visible(user), {self.published, self.draft}, user)
        # Another county's coordinator and reporter read the published version only.
        for user in (self.otto, self.charlie):
            self.assertEqual(self.visible(user), {self.published}, user)
        self.assertEqual(self.visible(self.anna), everything)
        self.assertEqual(self.visible(self.adam), everything)
        self.assertEqual(self.visible(AnonymousUser()), set())

    def test_published_and_of_compose(self):
        county = self.published.county
        self.assertEqual(set(ActionPlan.objects.published()), {self.published})
        self.assertEqual(
            set(ActionPlan.objects.visible_to(self.otto).of(self.draft.scope, county)),
            {self.published},
        )

    def test_the_check_of_one_plan_follows_the_list(self):
        users = [self.alice, self.charlie, self.cora, self.otto, self.anna, self.adam]
        for user in [*users, AnonymousUser()]:
            visible = self.visible(user)
            for plan in (self.published, self.draft, self.national_draft):
                self.assertEqual(can_view_plan(user, plan), plan in visible, (user, plan))
