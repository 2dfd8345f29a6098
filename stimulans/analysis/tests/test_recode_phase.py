"""Recoding phase and within the agreement on the coding page of an initiative (where the
workbench's initiative page leads): set where the analyst chooses a value, the reporter's
answer where not."""

from django.urls import reverse

from ..aggregation import aggregate_part
from ..models import InitiativeCoding
from .helpers import PageTestCase


class RecodePhaseTest(PageTestCase):
    def url(self):
        return reverse("coding:code", args=[2020, "suicidprevention", self.initiative.pk])

    def data(self, **changes):
        data = {
            "category": self.cat["samordning-projektledning"].pk,
            "effect_level": "target_group",
            "phase": "implemented",
            "within_agreement": "nej",
            "stay": "1",
        }
        return {**data, **changes}

    def row(self):
        pot = aggregate_part(self.suicide)["pots"][0]
        return next(c for c in pot["categories"] if c["category"] == "samordning-projektledning")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url(),
            [],
            [self.alice, self.bob, self.regina, self.cora, None],
            method="post",
            data=self.data(),
        )
        self.assertFalse(InitiativeCoding.objects.exists())
        self.assertAccess(self.url(), [self.anna, self.adam], [], method="post", data=self.data())

    def test_recoded_other_money_leaves_the_analysis(self):
        self.assertEqual((self.row()["initiatives"], self.row()["actors_implemented"]), (1, 0))
        self.login(self.anna)
        form = self.client.get(self.url()).context["form"]
        self.assertEqual(
            (form.initial.get("phase"), form.initial.get("within_agreement")), (None,) * 2
        )
        self.assertEqual(self.client.post(self.url(), self.data()).status_code, 302)
        coding = InitiativeCoding.objects.get(initiative=self.initiative)
        self.assertEqual((coding.phase, coding.within_agreement), ("implemented", False))
        self.assertEqual(self.row()["initiatives"], 0)
        response = self.client.get(self.url())
        self.assertEqual(response.context["form"].initial["within_agreement"], "nej")
        self.assertContains(response, '<option value="nej" selected>')
        # Recoded within the agreement and implemented: counted as implemented.
        self.client.post(self.url(), self.data(within_agreement="ja"))
        self.assertEqual((self.row()["initiatives"], self.row()["actors_implemented"]), (1, 1))
        # Back to "not recoded": the reporter's answers (within, no phase) count again.
        self.client.post(self.url(), self.data(phase="", within_agreement=""))
        coding.refresh_from_db()
        self.assertEqual((coding.phase, coding.within_agreement), ("", None))
        self.assertEqual((self.row()["initiatives"], self.row()["actors_implemented"]), (1, 0))
        self.initiative.refresh_from_db()
        self.assertEqual((self.initiative.phase, self.initiative.within_agreement), ("", True))

    def test_bad_values_are_refused(self):
        self.login(self.anna)
        for bad in ({"within_agreement": "kanske"}, {"phase": "snart"}):
            response = self.client.post(self.url(), self.data(**bad))
            self.assertEqual(response.status_code, 400)
            self.assertContains(response, "Välj ett giltigt alternativ", status_code=400)
        self.assertFalse(InitiativeCoding.objects.exists())

    def test_workbench_filters_follow_the_recoding(self):
        InitiativeCoding.objects.create(
            initiative=self.other_initiative,
            category=self.other_initiative.category,
            effect_level="organisation",
            phase="planned",
            within_agreement=False,
        )
        self.login(self.anna)
        url = reverse("analysis:workbench", args=[2020, "suicidprevention"])

        def titles(**params):
            return sorted(i.title for i in self.client.get(url, params).context["initiatives"])

        self.assertEqual(titles(fas="planned"), ["Utbildningsdag"])
        self.assertEqual(titles(fas="implemented"), [])
        self.assertEqual(titles(fas="ingen"), ["Samordnare för suicidprevention"])
        self.assertEqual(titles(medel="andra"), ["Utbildningsdag"])
        self.assertEqual(titles(medel="overenskommelsen"), ["Samordnare för suicidprevention"])
        self.assertContains(self.client.get(url, {"medel": "andra"}), "(andra medel)")
