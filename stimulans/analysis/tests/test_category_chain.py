"""Phase and within the agreement recoded by the analysts (`eff_phase`, `eff_within`), and the
category rows' planned / implemented actors, actors with outputs and with measured effects and
the link quality, against hand-computed figures."""

import json
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from stimulans.reporting.models import Initiative

from ..aggregation import aggregate_json, aggregate_part
from ..effects import effects_by_category
from ..flags import quality_flags
from ..models import InitiativeCoding
from .helpers import AnalysisTestCase, county_org, make_initiative, make_report

NEW_FIELDS = (
    "actors_planned",
    "actors_implemented",
    "actors_with_outputs",
    "actors_with_measured_effects",
    "link_quality",
)


def coding(initiative, category, **kwargs):
    """An analyst's coding that keeps the reporter's category, level and measurement unless
    told otherwise."""
    kwargs.setdefault("effect_level", initiative.effect_level)
    kwargs.setdefault("effect_measured", initiative.effect_measured)
    return InitiativeCoding.objects.create(initiative=initiative, category=category, **kwargs)


class CategoryChainTest(AnalysisTestCase):
    """Category A (samordning-projektledning), B (kunskap-kompetens) of suicide prevention:

    county 01: s1 A planned, outputs, measured effects, link target group;
               s2 A planned, effects not measured;
               s3 A planned by the reporter, recoded implemented; other money by the reporter,
                  recoded within; outputs; link organisation;
    county 03: u1 A implemented, recoded as other money (left out), with outputs and effects;
               u2 A no phase, outputs, effects measured by the reporter, recoded not measured,
                  link insufficient;
               u3 A planned, coded with a blank phase and no within (the reporter's stay);
               u4 B implemented;
    county 04: a draft (not counted) with a planned initiative in A."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        a, b = cls.cat["samordning-projektledning"], cls.cat["kunskap-kompetens"]
        pot = cls.suicide_pot
        sthlm = make_report(county_org("01"), pot)
        s1 = make_initiative(
            sthlm, a, phase="planned", outputs="Rapport", effects="E", effect_measured=True
        )
        coding(s1, a, link_quality="target_group")
        make_initiative(sthlm, a, phase="planned", effects="E")
        cls.s3 = make_initiative(
            sthlm, a, phase="planned", within_agreement=False, outputs="X", funds_sek=20
        )
        coding(cls.s3, a, phase="implemented", within_agreement=True, link_quality="organisation")
        uppsala = make_report(county_org("03"), pot, "approved")
        cls.u1 = make_initiative(
            uppsala, a, phase="implemented", outputs="P", effects="Mycket", funds_sek=1000
        )
        coding(cls.u1, a, within_agreement=False)
        u2 = make_initiative(uppsala, a, outputs="P", effects="E", effect_measured=True)
        coding(u2, a, effect_measured=False, link_quality="insufficient")
        cls.u3 = make_initiative(uppsala, a, phase="planned")
        coding(cls.u3, a)
        make_initiative(uppsala, b, phase="implemented")
        draft = make_report(county_org("04"), pot, "draft")
        make_initiative(draft, a, phase="planned", outputs="D")

    def test_effective_phase_and_within(self):
        rows = {
            i.pk: (i.eff_phase, i.eff_within)
            for i in Initiative.objects.filter(report__pot=self.suicide_pot).with_effective_coding()
        }
        self.assertEqual(rows[self.s3.pk], ("implemented", True))
        self.assertEqual(rows[self.u1.pk], ("implemented", False))
        self.assertEqual(rows[self.u3.pk], ("planned", True))
        # The reporter's answers are unchanged.
        self.s3.refresh_from_db()
        self.assertEqual((self.s3.phase, self.s3.within_agreement), ("planned", False))

    def test_category_rows(self):
        pot = aggregate_part(self.suicide)["pots"][0]
        rows = {c["category"]: c for c in pot["categories"]}
        a, b = rows["samordning-projektledning"], rows["kunskap-kompetens"]
        self.assertEqual(
            [a[f] for f in NEW_FIELDS],
            [
                2,  # planned: 01 (s1, s2), 03 (u3)
                1,  # implemented: 01 (s3 recoded); u1 is other money
                2,  # outputs: 01 (s1, s3), 03 (u2)
                1,  # measured effects: 01 (s1); u2 recoded not measured
                {"target_group": 1, "organisation": 1, "insufficient": 1, "uncoded": 2},
            ],
        )
        self.assertEqual(
            (a["initiatives"], a["funds_sek"], a["actors_with_activities"]), (5, 20, 2)
        )
        self.assertEqual(
            [b[f] for f in NEW_FIELDS],
            [0, 1, 0, 0, {"target_group": 0, "organisation": 0, "insufficient": 0, "uncoded": 1}],
        )
        # The pot's totals count each actor once.
        self.assertEqual(
            [pot[f] for f in NEW_FIELDS],
            [2, 2, 2, 1, {"target_group": 1, "organisation": 1, "insufficient": 1, "uncoded": 3}],
        )

    def test_one_county(self):
        pot = aggregate_part(self.suicide, county="03")["pots"][0]
        a = next(c for c in pot["categories"] if c["category"] == "samordning-projektledning")
        self.assertEqual(
            [a[f] for f in NEW_FIELDS],
            [1, 0, 1, 0, {"target_group": 0, "organisation": 0, "insufficient": 1, "uncoded": 1}],
        )

    def test_analyse_command_keeps_every_field(self):
        out = StringIO()
        call_command("analyse", "--year", "2020", "--part", "suicidprevention", stdout=out)
        data = json.loads(out.getvalue())
        self.assertEqual(data, aggregate_json(aggregate_part(self.suicide)))
        row = data["pots"][0]["categories"][0]
        self.assertEqual(
            list(row),
            [
                "category",
                "actors_with_activities",
                "actors_with_effects",
                "actors_with_target_group_effects",
                "initiatives",
                "funds_sek",
                *NEW_FIELDS,
            ],
        )
        self.assertEqual(row["actors_planned"], 2)
        self.assertEqual(
            row["link_quality"],
            {"target_group": 1, "organisation": 1, "insufficient": 1, "uncoded": 2},
        )

    def test_effects_and_flags_follow_the_recoded_within(self):
        effects = effects_by_category([self.suicide])
        listed = {e["initiative_id"] for rows in effects.values() for e in rows}
        self.assertNotIn(self.u1.pk, listed)
        other = [
            f["initiative_id"]
            for f in quality_flags(self.agreement, part=self.suicide)
            if f["flag"] == "other_money"
        ]
        self.assertEqual(other, [self.u1.pk])

    def test_part_page_shows_the_columns(self):
        self.login(self.anna)
        response = self.client.get(
            reverse("analysis:part_analysis", args=[2020, "suicidprevention"])
        )
        self.assertContains(response, "med planerade insatser")
        # Category A: 2 planned, 1 implemented; 2 with outputs, 1 with measured effects;
        # link quality 1 / 1 / 1 / 2.
        self.assertContains(response, '<td class="num">2</td><td class="num">1</td>')
        self.assertContains(
            response,
            '<td class="num">1</td><td class="num">1</td>\n'
            '      <td class="num">1</td><td class="num">2</td>',
        )
