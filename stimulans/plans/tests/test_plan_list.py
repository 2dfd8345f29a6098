from django.urls import reverse

from .base import PlanTestCase

URL = reverse("plans:plan_list")


class PlanListTest(PlanTestCase):
    def test_it_checks_ownership(self):
        self.assertAccess(
            URL,
            allowed=[
                self.cora,
                self.otto,
                self.alice,
                self.bob,
                self.charlie,
                self.anna,
                self.adam,
            ],
        )

    def test_drafts_are_listed_only_for_those_who_may_read_them(self):
        draft_link = reverse("plans:plan_detail", args=[self.draft.pk])
        published_link = reverse("plans:plan_detail", args=[self.published.pk])
        sees_draft = {self.cora: True, self.alice: True, self.anna: True}
        sees_draft.update({self.otto: False, self.charlie: False})
        for user, page in self.assertAccess(URL, allowed=list(sees_draft), ok=200).items():
            content = page.content.decode()
            self.assertIn(published_link, content, user.username)
            self.assertEqual(draft_link in content, sees_draft[user], user.username)

    def test_it_filters_by_county_and_year(self):
        self.login(self.anna)
        response = self.client.get(URL, {"lan": "03"})
        self.assertContains(response, "Inga planer.")
        response = self.client.get(URL, {"lan": "01", "ar": "2021"})
        self.assertContains(response, reverse("plans:plan_detail", args=[self.published.pk]))

    def test_coordinators_get_the_create_form_and_reporters_do_not(self):
        self.login(self.cora)
        self.assertContains(self.client.get(URL), reverse("plans:plan_create"))
        self.login(self.alice)
        self.assertNotContains(self.client.get(URL), reverse("plans:plan_create"))
