"""The analyst's coding replaces the reporter's answers
(`Initiative.objects.with_effective_coding()`) in every place that reads category, effect
level or measurement: the effect lists and the quality flags as well as the category tables
(test_aggregation) and the workbench (test_workbench)."""

from stimulans.reporting.models import Initiative

from ..effects import effects_by_category
from ..flags import quality_flags
from ..models import InitiativeCoding
from .helpers import AnalysisTestCase, county_org, make_initiative, make_report


class EffectiveCodingTest(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        report = make_report(county_org("01"), cls.suicide_pot)
        cls.coded = make_initiative(
            report,
            cls.cat["kunskap-kompetens"],
            effects="Färre suicidförsök",
            effect_level="organisation",
            effect_measured=False,
        )
        cls.uncoded = make_initiative(
            report, cls.cat["kunskap-kompetens"], effects="Ökad kunskap", effect_level=""
        )
        InitiativeCoding.objects.create(
            initiative=cls.coded,
            category=cls.cat["samordning-projektledning"],
            effect_level="target_group",
            effect_measured=True,
        )

    def test_annotations(self):
        rows = {
            i.pk: i
            for i in Initiative.objects.filter(report__pot=self.suicide_pot).with_effective_coding()
        }
        coded, uncoded = rows[self.coded.pk], rows[self.uncoded.pk]
        self.assertEqual(
            (coded.eff_category, coded.eff_level, coded.eff_measured, coded.is_coded),
            (self.cat["samordning-projektledning"].pk, "target_group", True, True),
        )
        self.assertEqual(
            (uncoded.eff_category, uncoded.eff_level, uncoded.eff_measured, uncoded.is_coded),
            (self.cat["kunskap-kompetens"].pk, "", False, False),
        )

    def test_effect_lists_follow_the_coding(self):
        effects = effects_by_category([self.suicide])
        pot = self.suicide_pot.pk
        coded = effects[(pot, self.cat["samordning-projektledning"].pk)]
        self.assertEqual([e["initiative_id"] for e in coded], [self.coded.pk])
        self.assertTrue(coded[0]["target_group"])
        self.assertTrue(coded[0]["measured"])
        rest = effects[(pot, self.cat["kunskap-kompetens"].pk)]
        self.assertEqual([e["initiative_id"] for e in rest], [self.uncoded.pk])

    def test_flags_follow_the_coding(self):
        flags = quality_flags(self.agreement, part=self.suicide)
        not_measured = [f["initiative_id"] for f in flags if f["flag"] == "effects_not_measured"]
        self.assertEqual(not_measured, [self.uncoded.pk])
