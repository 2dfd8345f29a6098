import json
from io import StringIO

from django.core.management import CommandError, call_command

from ..aggregation import aggregate_json, aggregate_part
from ..models import InitiativeCoding
from .helpers import AnalysisTestCase, county_org, make_initiative, make_report


def table(result, kind="county"):
    pot = next(p for p in result["pots"] if p["org_kind"] == kind)
    return pot, {
        c["category"]: (
            c["actors_with_activities"],
            c["actors_with_effects"],
            c["actors_with_target_group_effects"],
            c["initiatives"],
            c["funds_sek"],
        )
        for c in pot["categories"]
    }


class AggregationTest(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot, cat = cls.suicide_pot, cls.cat
        sthlm = make_report(county_org("01"), pot, "submitted")
        cls.i1 = make_initiative(
            sthlm,
            cat["samordning-projektledning"],
            effects="Fler kontakter",
            effect_level="target_group",
            funds_sek=100,
        )
        make_initiative(sthlm, cat["samordning-projektledning"], effects="", funds_sek=50)
        cls.i3 = make_initiative(
            sthlm,
            cat["kunskap-kompetens"],
            effects="Ökad kunskap",
            effect_level="organisation",
            funds_sek=30,
        )
        # Paid by other money: left out of every figure.
        make_initiative(
            sthlm,
            cat["kunskap-kompetens"],
            effects="Mycket",
            effect_level="target_group",
            funds_sek=1000,
            within_agreement=False,
        )
        uppsala = make_report(county_org("03"), pot, "approved")
        cls.i5 = make_initiative(
            uppsala,
            cat["samordning-projektledning"],
            effects="Bättre samverkan",
            effect_level="organisation",
            funds_sek=200,
        )
        make_initiative(
            uppsala,
            cat["suicidpreventiva-handlingsplaner"],
            effects="   ",
            effect_level="target_group",
        )
        # Drafts and returned reports do not count.
        draft = make_report(county_org("04"), pot, "draft")
        make_initiative(draft, cat["samordning-projektledning"], effects="E", funds_sek=7)
        returned = make_report(county_org("05"), pot, "returned")
        make_initiative(returned, cat["samordning-projektledning"], effects="E", funds_sek=7)

    def test_every_figure(self):
        pot, rows = table(aggregate_part(self.suicide))
        self.assertEqual(pot["reporting_actors"], 2)
        self.assertEqual(pot["total_actors"], 21)
        self.assertEqual(
            [c["category"] for c in pot["categories"]],
            [
                "samordning-projektledning",
                "suicidpreventiva-handlingsplaner",
                "kunskap-kompetens",
                "struktur-ledning-samverkan",
                "andra-utvecklingsarbeten",
            ],
        )
        self.assertEqual(rows["samordning-projektledning"], (2, 2, 1, 3, 350))
        self.assertEqual(rows["suicidpreventiva-handlingsplaner"], (1, 0, 0, 1, 0))
        self.assertEqual(rows["kunskap-kompetens"], (1, 1, 0, 1, 30))
        self.assertEqual(rows["struktur-ledning-samverkan"], (0, 0, 0, 0, 0))
        self.assertEqual(rows["andra-utvecklingsarbeten"], (0, 0, 0, 0, 0))
        self.assertEqual(pot["funds_sek"], 380)

    def test_one_county(self):
        pot, rows = table(aggregate_part(self.suicide, county="01"))
        self.assertEqual(pot["reporting_actors"], 1)
        self.assertEqual(pot["total_actors"], 1)
        self.assertEqual(rows["samordning-projektledning"], (1, 1, 1, 2, 150))
        self.assertEqual(rows["suicidpreventiva-handlingsplaner"], (0, 0, 0, 0, 0))

    def test_analyst_coding_replaces_the_reporters(self):
        InitiativeCoding.objects.create(
            initiative=self.i5,
            category=self.cat["samordning-projektledning"],
            effect_level="target_group",
            effect_measured=True,
        )
        InitiativeCoding.objects.create(
            initiative=self.i3,
            category=self.cat["struktur-ledning-samverkan"],
            effect_level="organisation",
        )
        pot, rows = table(aggregate_part(self.suicide))
        self.assertEqual(rows["samordning-projektledning"], (2, 2, 2, 3, 350))
        self.assertEqual(rows["kunskap-kompetens"], (0, 0, 0, 0, 0))
        self.assertEqual(rows["struktur-ledning-samverkan"], (1, 1, 0, 1, 30))
        # The reporter's answers are unchanged.
        self.i5.refresh_from_db()
        self.assertEqual(self.i5.effect_level, "organisation")

    def test_parts_with_two_recipient_kinds(self):
        part = self.agreement.parts.get(slug="barn-unga")
        result = aggregate_part(part)
        self.assertEqual([p["org_kind"] for p in result["pots"]], ["region", "county"])
        self.assertEqual([p["reporting_actors"] for p in result["pots"]], [0, 0])

    def test_json_shape(self):
        data = aggregate_json(aggregate_part(self.suicide))
        self.assertEqual(data["year"], 2020)
        self.assertEqual(data["part"], "suicidprevention")
        self.assertEqual(set(data["pots"][0]), {"org_kind", "reporting_actors", "categories"})
        self.assertEqual(
            data["pots"][0]["categories"][0],
            {
                "category": "samordning-projektledning",
                "actors_with_activities": 2,
                "actors_with_effects": 2,
                "actors_with_target_group_effects": 1,
                "initiatives": 3,
                "funds_sek": 350,
                "actors_planned": 0,
                "actors_implemented": 0,
                "actors_with_outputs": 0,
                "actors_with_measured_effects": 0,
                "link_quality": {
                    "target_group": 0,
                    "organisation": 0,
                    "insufficient": 0,
                    "uncoded": 3,
                },
            },
        )


class AnalyseCommandTest(AggregationTest):
    def test_it_prints_json(self):
        out = StringIO()
        call_command(
            "analyse",
            "--year",
            "2020",
            "--part",
            "suicidprevention",
            "--format",
            "json",
            stdout=out,
        )
        data = json.loads(out.getvalue())
        self.assertEqual(data, aggregate_json(aggregate_part(self.suicide)))
        self.assertEqual(data["pots"][0]["org_kind"], "county")
        self.assertEqual(data["pots"][0]["reporting_actors"], 2)

    def test_unknown_year_or_part(self):
        for args in (
            ["--year", "1999", "--part", "suicidprevention"],
            ["--year", "2020", "--part", "nej"],
        ):
            with self.assertRaises(CommandError) as ctx:
                call_command("analyse", *args, stdout=StringIO())
            self.assertEqual(ctx.exception.returncode, 2)
            self.assertTrue(str(ctx.exception))
