"""The analysis address of one initiative sends the analyst to the coding page, so that a
coding made from it is a coder's code (agreement, history) as well as the final coding."""

from django.urls import reverse

from stimulans.coding.models import CoderCode, CoderRole

from ..aggregation import aggregate_part
from ..models import InitiativeCoding
from .helpers import PageTestCase


class InitiativeDetailTest(PageTestCase):
    def url(self):
        return reverse("analysis:initiative_detail", args=[self.initiative.pk])

    def coding_url(self):
        return reverse("coding:code", args=[2020, "suicidprevention", self.initiative.pk])

    def test_it_checks_ownership(self):
        responses = self.assertAccess(
            self.url(), [self.anna, self.adam], [self.alice, self.regina, self.cora, None]
        )
        for response in responses.values():
            self.assertRedirects(response, self.coding_url(), fetch_redirect_response=False)

    def test_it_no_longer_saves_a_coding_by_itself(self):
        data = {"category": self.cat["kunskap-kompetens"].pk, "effect_level": "organisation"}
        self.assertAccess(self.url(), [], [self.alice, self.cora, None], method="post", data=data)
        self.assertAccess(self.url(), [self.anna], [], method="post", data=data, ok=405)
        self.assertFalse(InitiativeCoding.objects.exists())
        self.assertFalse(CoderCode.objects.exists())

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        url = reverse("analysis:initiative_detail", args=[999999])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_coding_from_the_initiative_page_leaves_a_coders_code_with_history(self):
        self.login(self.anna)
        response = self.client.get(self.url(), follow=True)
        self.assertContains(response, "Fler skolor har utbildats")
        self.assertEqual(
            response.context["form"].initial["category"], self.cat["samordning-projektledning"]
        )
        page = response.redirect_chain[-1][0]
        data = {
            "category": self.cat["kunskap-kompetens"].pk,
            "effect_level": "organisation",
            "effect_measured": "ja",
            "link_quality": "organisation",
            "stay": "1",
        }
        self.assertEqual(self.client.post(page, data).status_code, 302)
        data["link_quality"] = "insufficient"
        self.client.post(page, data)
        code = CoderCode.objects.get(initiative=self.initiative)
        self.assertEqual((code.coder, code.role), (self.anna, CoderRole.FIRST))
        self.assertEqual(code.link_quality, "insufficient")
        self.assertEqual(code.history.count(), 2)
        coding = InitiativeCoding.objects.get(initiative=self.initiative)
        self.assertEqual(coding.link_quality, "insufficient")
        self.assertEqual(coding.coded_by, self.anna)
        self.assertEqual(coding.history.first().history_user, self.anna)
        # The reporter's answers are kept; the analysis follows the coding.
        self.initiative.refresh_from_db()
        self.assertEqual(self.initiative.category, self.cat["samordning-projektledning"])
        self.assertEqual(self.initiative.effect_level, "target_group")
        pot = aggregate_part(self.suicide)["pots"][0]
        rows = {c["category"]: c for c in pot["categories"]}
        self.assertEqual(rows["samordning-projektledning"]["initiatives"], 0)
        self.assertEqual(rows["kunskap-kompetens"]["initiatives"], 2)

    def test_category_must_belong_to_the_pot(self):
        self.login(self.anna)
        foreign = self.youth_region_pot.categories.first()
        response = self.client.post(self.coding_url(), {"category": foreign.pk})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(InitiativeCoding.objects.exists())
        self.assertFalse(CoderCode.objects.exists())
