from stimulans.core.demo import DEMO_HOOKS
from stimulans.plans.demo import load_demo_plans
from stimulans.plans.models import ActionPlan
from stimulans.test import BaseTestCase


class DemoPlansTest(BaseTestCase):
    def test_the_hook_is_registered_once(self):
        self.assertEqual(DEMO_HOOKS.count(load_demo_plans), 1)

    def test_it_loads_stockholms_2021_plan_once(self):
        load_demo_plans({"samordnare-01": self.cora})
        load_demo_plans({"samordnare-01": self.cora})
        plan = ActionPlan.objects.get()
        self.assertEqual((plan.county.code, plan.year, plan.version), ("01", 2021, 4))
        self.assertTrue(plan.is_published)
        self.assertEqual(plan.steering_group.count(), 4)
        self.assertIn("VIS", plan.political_anchor)
        self.assertEqual(plan.activities.count(), 15)
        goal = plan.goals.get(target_percent__isnull=False)
        self.assertEqual(goal.indicator_code, "bup.first_assessment.share_within_30_days")
