from django.urls import reverse

from .base import PlanTestCase


class PlanEditTest(PlanTestCase):
    def url(self, plan=None):
        return reverse("plans:plan_edit", args=[(plan or self.draft).pk])

    def data(self, **extra):
        data = {
            "lock_version": self.reload(self.draft).lock_version,
            "title": "Handlingsplan 2021",
            "purpose": "Nytt syfte",
            "overall_goals": "Mål ett\nMål två\n",
            "adopted_by": "politicians",
            "adopted_on": "2021-03-15",
            "political_anchor": "VIS",
            "secretariat": "",
            "network": "",
        }
        data.update(extra)
        return data

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url(),
            allowed=[self.cora, self.adam],
            refused=[self.otto, self.alice, self.regina, self.anna, self.charlie],
        )
        # A published version cannot be edited by anyone.
        self.assertAccess(self.url(self.published), refused=[self.cora, self.adam])

    def test_the_coordinator_saves_the_plan(self):
        self.login(self.cora)
        response = self.client.post(self.url(), self.data())
        self.assertRedirects(response, reverse("plans:plan_detail", args=[self.draft.pk]))
        plan = self.reload(self.draft)
        self.assertEqual(plan.purpose, "Nytt syfte")
        self.assertEqual(plan.overall_goals, ["Mål ett", "Mål två"])
        self.assertEqual(plan.adopted_by, "politicians")

    def test_a_stale_form_is_refused(self):
        self.login(self.cora)
        stale = self.data(purpose="Först")
        self.client.post(self.url(), stale)
        response = self.client.post(self.url(), dict(stale, purpose="Sedan"))
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "ändrats av någon annan", status_code=409)
        self.assertEqual(self.reload(self.draft).purpose, "Först")

    def test_bad_input_names_the_field(self):
        self.login(self.cora)
        response = self.client.post(self.url(), self.data(adopted_on="igår"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, 'role="alert"', status_code=400)
