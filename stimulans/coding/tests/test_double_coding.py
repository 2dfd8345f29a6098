"""Double coding: a reproducible stratified sample, the second coder codes blind, agreement
per dimension, disagreements adjudicated into the final coding, every coder's code kept."""

from decimal import Decimal

from stimulans.analysis.models import InitiativeCoding
from stimulans.analysis.tests.helpers import make_initiative, make_report, region

from ..codings import save_code
from ..measured import part_agreement
from ..models import CoderCode, CoderRole
from ..sampling import draw, draw_sample
from .helpers import CodingTestCase


class SampleTest(CodingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        youth_report = make_report(region("01"), cls.youth_region_pot)
        cls.youth_initiatives = [make_initiative(youth_report) for _ in range(3)]

    def test_same_seed_same_sample(self):
        first = draw(self.part, 42, share=Decimal("0.5"))
        self.assertEqual(draw(self.part, 42, share=Decimal("0.5")), first)
        self.assertEqual(len(first), 3)
        self.assertTrue(set(first) <= {i.pk for i in self.initiatives})
        others = {tuple(draw(self.part, seed, share=Decimal("0.5"))) for seed in range(20)}
        self.assertGreater(len(others), 1)  # the seed matters

    def test_number_and_strata(self):
        self.assertEqual(len(draw(self.part, 1, number=2)), 2)
        self.assertEqual(len(draw(self.part, 1, number=100)), 6)
        # Only the part's initiatives: the youth part's are never drawn.
        youth = {i.pk for i in self.youth_initiatives}
        self.assertFalse(set(draw(self.part, 1, share=Decimal(1))) & youth)

    def test_draw_page(self):
        url = self.base_url("urval/")
        data = {"share": "0.5", "seed": "7", "second_coder": self.berit.pk}
        self.assertAccess(
            url,
            allowed=(self.adam,),
            refused=(self.anna, self.alice, self.cora),
            method="post",
            data=data,
            ok=302,
        )
        self.login(self.adam)
        bad = self.client.post(url, {"seed": "7", "second_coder": self.berit.pk})
        self.assertContains(bad, "antingen en andel eller ett antal", status_code=400)


class BlindCodingTest(CodingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.sample = draw_sample(cls.part, 3, cls.berit, cls.anna, number=6)
        cls.initiative = cls.initiatives[0]

    def url(self, initiative=None):
        return self.base_url(f"insats/{(initiative or self.initiative).pk}/")

    def test_access(self):
        self.assertAccess(
            self.url(),
            allowed=(self.anna, self.adam, self.berit),
            refused=(self.alice, self.bob, self.cora, self.otto),
            ok=200,
        )

    def test_bad_ids(self):
        self.login(self.anna)
        self.assertEqual(self.client.get(self.base_url("insats/999999/")).status_code, 404)
        other = make_initiative(make_report(region("01"), self.youth_region_pot))
        self.assertEqual(self.client.get(self.url(other)).status_code, 404)  # another part

    def test_second_coder_does_not_see_the_first_code(self):
        save_code(
            self.initiative,
            self.anna,
            {"category": self.cat["samordning-projektledning"], "link_quality": "insufficient"},
        )
        self.login(self.berit)
        response = self.client.get(self.url())
        self.assertContains(response, "Blind kodning")
        self.assertNotContains(response, "Alla kodares koder")
        form = response.context["form"]
        self.assertNotEqual(form.initial.get("category"), self.cat["samordning-projektledning"])
        self.assertNotEqual(form.initial.get("link_quality"), "insufficient")
        # Berit codes differently: her code is kept as second code, the final coding is Anna's.
        self.client.post(
            self.url(),
            {"category": self.cat["kunskap-kompetens"].pk, "link_quality": "target_group"},
        )
        code = CoderCode.objects.get(initiative=self.initiative, coder=self.berit)
        self.assertEqual(code.role, CoderRole.SECOND)
        self.assertEqual(
            InitiativeCoding.objects.get(initiative=self.initiative).category,
            self.cat["samordning-projektledning"],
        )
        # Both coded: now both see each other's codes.
        response = self.client.get(self.url())
        self.assertNotContains(response, "Blind kodning")
        self.assertContains(response, "Alla kodares koder")
        self.assertContains(response, "anna")

    def test_first_coder_does_not_see_the_second_code_before_both_coded(self):
        save_code(self.initiative, self.berit, {"category": self.cat["kunskap-kompetens"]})
        self.login(self.anna)
        response = self.client.get(self.url())
        self.assertContains(response, "Blind kodning")
        self.assertNotContains(response, "berit")

    def test_agreement_disagreements_and_adjudication(self):
        a, b = self.cat["kunskap-kompetens"], self.cat["samordning-projektledning"]
        first = [a, a, b, b, a, b]
        second = [a, b, b, b, a, b]
        for n, (initiative, x, y) in enumerate(zip(self.initiatives, first, second, strict=True)):
            save_code(initiative, self.anna, {"category": x}, from_suggestion=n < 2)
            save_code(initiative, self.berit, {"category": y})
        rows = {r["dimension"]: r for r in part_agreement(self.part)}
        category = rows["category"]
        self.assertEqual((category["coders"], category["units"]), (2, 6))
        self.assertAlmostEqual(category["agreement"], 5 / 6)
        # po = 5/6; anna a=3 b=3, berit a=2 b=4: pe = (3·2 + 3·4) / 36 = 1/2; kappa = 2/3.
        self.assertAlmostEqual(category["kappa"], 2 / 3)
        self.assertEqual(category["disagreements"], [self.initiatives[1].pk])
        # Split by accepted suggestions: the first two (one disagreement) and the other four.
        self.assertEqual((category["suggested"], category["unsuggested"]), (0.5, 1.0))
        self.assertEqual(category["confusion"]["rows"], [(a.slug, [2, 1]), (b.slug, [0, 3])])
        # Effect level: nobody coded it.
        self.assertEqual(rows["effect_level"]["units"], 0)
        self.assertIsNone(rows["effect_level"]["kappa"])

        self.login(self.adam)
        overview = self.client.get(self.base_url())
        self.assertContains(overview, "Oenigheter att avgöra")
        self.assertContains(overview, self.url(self.initiatives[1]))
        response = self.client.post(
            self.url(self.initiatives[1]), {"category": b.pk, "adjudicate": "1"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(InitiativeCoding.objects.get(initiative=self.initiatives[1]).category, b)
        roles = set(
            CoderCode.objects.filter(initiative=self.initiatives[1]).values_list("role", flat=True)
        )
        self.assertEqual(roles, {CoderRole.FIRST, CoderRole.SECOND, CoderRole.ADJUDICATED})
        # The adjudicated code is not a coder's: the agreement is unchanged.
        self.assertAlmostEqual(
            {r["dimension"]: r for r in part_agreement(self.part)}["category"]["kappa"], 2 / 3
        )

    def test_overview_access(self):
        self.assertAccess(
            self.base_url(),
            allowed=(self.anna, self.adam),
            refused=(self.alice, self.bob, self.cora, self.otto),
            ok=200,
        )

    def test_history_of_every_code(self):
        save_code(self.initiative, self.anna, {"category": self.cat["kunskap-kompetens"]})
        save_code(self.initiative, self.anna, {"category": self.cat["samordning-projektledning"]})
        code = CoderCode.objects.get(initiative=self.initiative, coder=self.anna)
        self.assertEqual(code.history.count(), 2)
