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

    def assertOwnership(self, url, method="get", data=None, allowed=(), refused=(), ok=(200, 302)):
        """Each user in `allowed` gets a status in `ok`, each in `refused` 403/404; anonymous
        users are sent to the login page."""
        send = getattr(self.client, method)
        self.client.logout()
        response = send(url, data or {})
        self.assertEqual(response.status_code, 302, url)
        self.assertIn("/konto/logga-in/", response["Location"])
        for user in refused:
            self.login(user)
            response = send(url, data or {})
            self.assertIn(response.status_code, (403, 404), f"{user.username} {url}")
        for user in allowed:
            self.login(user)
            response = send(url, data or {})
            self.assertIn(response.status_code, ok, f"{user.username} {url}")
        self.client.logout()
