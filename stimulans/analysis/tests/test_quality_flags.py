from ..flags import flag_summary, quality_flags
from .helpers import AnalysisTestCase, county_org, make_initiative, make_report, previous_year_pot


class QualityFlagsTest(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cat = cls.cat["kunskap-kompetens"]
        old = make_report(county_org("01"), previous_year_pot())
        make_initiative(
            old, None, activities="Utbildning i MHFA", goals="Fler utbildade", effects=""
        )
        cls.report = make_report(county_org("01"), cls.suicide_pot, funds_used_sek=500)
        make_initiative(cls.report, cat, activities="", funds_sek=100)
        make_initiative(cls.report, cat, activities="Seminarier", goals="")
        make_initiative(cls.report, cat, effects="Färre suicid", effect_measured=False)
        make_initiative(cls.report, cat, within_agreement=False, title="Annan finansiering")
        make_initiative(cls.report, cat, activities="Utbildning i MHFA ", goals="Fler utbildade")
        cls.empty = make_report(county_org("03"), cls.suicide_pot, funds_used_sek=10)

    def test_flags(self):
        flags = quality_flags(self.agreement, part=self.suicide)
        summary = {s["flag"]: s["count"] for s in flag_summary(flags)}
        self.assertEqual(
            summary,
            {
                "funds_without_activities": 2,  # one initiative, one report without any
                "activities_without_goal": 1,
                "effects_not_measured": 1,
                "other_money": 1,
                "reused_text": 1,
            },
        )
        other = next(f for f in flags if f["flag"] == "other_money")
        self.assertEqual(other["initiative"], "Annan finansiering")

    def test_per_report(self):
        flags = quality_flags(self.agreement, report=self.empty)
        self.assertEqual([f["flag"] for f in flags], ["funds_without_activities"])
