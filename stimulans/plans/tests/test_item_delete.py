from django.urls import reverse

from stimulans.plans.models import Activity

from .base import PlanTestCase


class ItemDeleteTest(PlanTestCase):
    def url(self, plan, activity):
        return reverse("plans:item_delete", args=[plan.pk, "aktivitet", activity.pk])

    def test_it_checks_ownership(self):
        activity = self.draft.activities.first()
        self.assertAccess(
            self.url(self.draft, activity),
            allowed=[self.cora, self.adam],
            refused=[self.otto, self.alice, self.anna, self.charlie],
        )
        published = self.published.activities.first()
        self.assertAccess(self.url(self.published, published), refused=[self.cora, self.adam])

    def test_the_coordinator_removes_an_activity(self):
        activity = self.draft.activities.first()
        self.login(self.cora)
        response = self.client.post(
            self.url(self.draft, activity), {"lock_version": self.reload(self.draft).lock_version}
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Activity.objects.filter(pk=activity.pk).exists())
        self.assertEqual(self.published.activities.count(), 15)

    def test_a_stale_page_does_not_remove(self):
        activity = self.draft.activities.first()
        self.login(self.cora)
        response = self.client.post(self.url(self.draft, activity), {"lock_version": 0})
        self.assertEqual(response.status_code, 409)
        self.assertTrue(Activity.objects.filter(pk=activity.pk).exists())

    def test_removing_an_area_warns_and_removes_its_contents(self):
        area = self.draft.areas.get(title="Kunskap och kompetens")
        url = reverse("plans:item_delete", args=[self.draft.pk, "omrade", area.pk])
        self.login(self.cora)
        self.assertContains(self.client.get(url), "underområden, mål och aktiviteter")
        self.client.post(url, {"lock_version": self.reload(self.draft).lock_version})
        self.assertEqual(self.draft.activities.count(), 12)
        self.assertFalse(self.draft.goals.filter(area_id=area.pk).exists())
