from django.urls import reverse

from .base import PlanTestCase


class PlanPublishTest(PlanTestCase):
    def url(self):
        return reverse("plans:plan_publish", args=[self.draft.pk])

    def data(self):
        return {"lock_version": self.reload(self.draft).lock_version, "confirmed": "1"}

    def test_publishing_asks_first_and_changes_nothing_until_confirmed(self):
        self.login(self.cora)
        lock_version = self.reload(self.draft).lock_version
        page = self.client.post(self.url(), {"lock_version": lock_version})
        self.assertContains(page, "Publicera version 5?")
        self.assertContains(page, "Stockholms län 2021, version 5 publiceras")
        self.assertContains(page, "En publicerad version är låst")
        self.assertContains(page, "Jämfört med version 4 finns 0 ändringar.")
        self.assertContains(
            page, f'<input type="hidden" name="lock_version" value="{lock_version}">', html=True
        )
        draft = self.reload(self.draft)
        self.assertTrue(draft.is_draft)
        self.assertEqual(draft.lock_version, lock_version)
        response = self.client.post(self.url(), {"lock_version": lock_version, "confirmed": "1"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.reload(self.draft).is_published)

    def test_it_checks_ownership(self):
        # Refused users first: the allowed coordinator's post publishes the draft.
        self.assertAccess(
            self.url(),
            method="post",
            data=self.data(),
            refused=[self.otto, self.alice, self.bob, self.regina, self.anna, self.charlie],
        )
        self.assertAccess(  # refused before the confirmation page too
            self.url(),
            method="post",
            data={"lock_version": self.reload(self.draft).lock_version},
            refused=[self.otto, self.alice, self.anna],
        )
        self.assertTrue(self.reload(self.draft).is_draft)
        self.assertAccess(self.url(), method="post", data=self.data(), allowed=[self.cora])
        self.assertTrue(self.reload(self.draft).is_published)

    def test_a_municipal_coordinator_can_comment_but_not_publish(self):
        self.login(self.alice)
        response = self.client.post(
            reverse("plans:plan_comment", args=[self.draft.pk]), {"body": "Synpunkt"}
        )
        self.assertEqual(response.status_code, 302)
        response = self.client.post(self.url(), self.data())
        self.assertEqual(response.status_code, 403)
        self.assertTrue(self.reload(self.draft).is_draft)

    def test_the_coordinator_publishes_and_the_version_is_frozen(self):
        self.login(self.cora)
        response = self.client.post(self.url(), self.data(), follow=True)
        self.assertContains(response, "Version 5 är publicerad.")
        plan = self.reload(self.draft)
        self.assertEqual(plan.published_by, self.cora)
        # Editing afterwards is refused.
        response = self.client.get(reverse("plans:plan_edit", args=[plan.pk]))
        self.assertEqual(response.status_code, 403)

    def test_a_stale_page_does_not_publish(self):
        self.login(self.cora)
        response = self.client.post(self.url(), {"lock_version": 0, "confirmed": "1"}, follow=True)
        self.assertContains(response, "ändrats av någon annan")
        self.assertTrue(self.reload(self.draft).is_draft)
