"""Shared set-up for the plans tests: BaseTestCase's users plus plans of Stockholm's county."""

from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import ActionPlan, PlanScope
from stimulans.plans.services import publish, start_new_version
from stimulans.plans.yaml_import import import_plan_text
from stimulans.test import BaseTestCase


class PlanTestCase(BaseTestCase):
    """`self.published`: Stockholm 2021 version 4 (the reference plan, published);
    `self.draft`: version 5, a draft copied from it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.published = publish(import_plan_text(stockholm_plan_text()), cls.cora)
        cls.draft = start_new_version(cls.published)

    def reload(self, plan):
        return ActionPlan.objects.get(pk=plan.pk)

    def national_plan(self, **fields):
        return ActionPlan.objects.create(scope=PlanScope.NATIONAL, year=2021, version=1, **fields)
