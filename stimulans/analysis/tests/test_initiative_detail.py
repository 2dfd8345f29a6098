from django.urls import reverse

from ..aggregation import aggregate_part
from ..models import InitiativeCoding
from .helpers import PageTestCase


class InitiativeDetailTest(PageTestCase):
    def url(self):
        return reverse("analysis:initiative_detail", args=[self.initiative.pk])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url(), [self.anna, self.adam], [self.alice, self.regina, self.cora, None]
        )
        self.assertEqual(InitiativeCoding.objects.count(), 0)
        data = {"category": self.cat["kunskap-kompetens"].pk, "effect_level": "organisation"}
        self.assertAccess(self.url(), [], [self.alice, self.cora, None], method="post", data=data)
        self.assertEqual(InitiativeCoding.objects.count(), 0)

    def test_recode_keeps_the_reporters_answers_with_history(self):
        self.login(self.anna)
        response = self.client.get(self.url())
        self.assertContains(response, "Fler skolor har utbildats")
        self.assertEqual(
            response.context["form"].initial["category"], self.cat["samordning-projektledning"].pk
        )
        data = {
            "category": self.cat["kunskap-kompetens"].pk,
            "effect_level": "organisation",
            "effect_measured": "on",
            "link_quality": "organisation",
            "note": "Effekten gäller personalen",
        }
        self.assertEqual(self.client.post(self.url(), data).status_code, 302)
        data["link_quality"] = "insufficient"
        self.client.post(self.url(), data)
        coding = InitiativeCoding.objects.get(initiative=self.initiative)
        self.assertEqual(coding.link_quality, "insufficient")
        self.assertEqual(coding.coded_by, self.anna)
        self.assertEqual(coding.history.count(), 2)
        self.assertEqual(coding.history.first().history_user, self.anna)
        self.initiative.refresh_from_db()
        self.assertEqual(self.initiative.category, self.cat["samordning-projektledning"])
        self.assertEqual(self.initiative.effect_level, "target_group")
        pot = aggregate_part(self.suicide)["pots"][0]
        rows = {c["category"]: c for c in pot["categories"]}
        self.assertEqual(rows["samordning-projektledning"]["initiatives"], 0)
        self.assertEqual(rows["kunskap-kompetens"]["initiatives"], 2)
        self.assertEqual(rows["kunskap-kompetens"]["actors_with_target_group_effects"], 0)
        self.assertContains(self.client.get(self.url()), "Otillräcklig")

    def test_category_must_belong_to_the_pot(self):
        self.login(self.anna)
        foreign = self.youth_region_pot.categories.first()
        response = self.client.post(self.url(), {"category": foreign.pk, "effect_level": ""})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(InitiativeCoding.objects.exists())
