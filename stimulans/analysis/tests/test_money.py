"""Money followed through (`analysis.money`, `stimulans funds`) against hand-computed sums."""

import json
from io import StringIO

from django.core.management import CommandError, call_command

from stimulans.funds.models import Agreement, Allocation, Pot, Requisition
from stimulans.organisations.models import County

from ..models import InitiativeCoding
from ..money import FIELDS, funds_json, money_analysis, money_by_pot
from .helpers import (
    AnalysisTestCase,
    county_org,
    make_initiative,
    make_report,
    previous_year_pot,
    region,
)


def allocate(pot, org, amount, *requisitions, user):
    allocation = Allocation.objects.create(pot=pot, organisation=org, amount_sek=amount, weight=1)
    for sek in requisitions:
        Requisition.objects.create(allocation=allocation, amount_sek=sek, requested_by=user)


def figures(money):
    return tuple(getattr(money, name) for name in FIELDS)


class MoneyTestCase(AnalysisTestCase):
    """Suicide prevention (county recipients) and child and youth (regions), 2020 and 2019:

    county 01: allocated 1 000, requisitioned 300 + 200, report submitted: received 500,
        carried over 50, used 400; initiatives 250, 100 (other money by the reporter, recoded
        within), 70 (recoded as other money), none;
    county 03: allocated 600, requisitioned 600, report approved: received 600, nothing stated
        used (no use); an initiative of 30;
    county 04: allocated 400, nothing requisitioned, a draft (not counted) of 400 used;
    county 05: nothing at all;
    region 01 (child and youth): allocated and requisitioned 5 000, received 5 000, used 0.
    2019: county 01 allocated 800, received and used 300 (suicide prevention only)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot, user = cls.suicide_pot, cls.adam
        allocate(pot, county_org("01"), 1000, 300, 200, user=user)
        allocate(pot, county_org("03"), 600, 600, user=user)
        allocate(pot, county_org("04"), 400, user=user)
        allocate(cls.youth_region_pot, region("01"), 5000, 5000, user=user)

        sthlm = make_report(
            county_org("01"),
            pot,
            funds_received_sek=500,
            funds_carried_over_sek=50,
            funds_used_sek=400,
        )
        make_initiative(sthlm, funds_sek=250)
        cls.recoded_within = make_initiative(sthlm, funds_sek=100, within_agreement=False)
        cls.recoded_other = make_initiative(sthlm, funds_sek=70)
        make_initiative(sthlm, funds_sek=None)
        InitiativeCoding.objects.create(initiative=cls.recoded_within, within_agreement=True)
        InitiativeCoding.objects.create(initiative=cls.recoded_other, within_agreement=False)

        uppsala = make_report(county_org("03"), pot, "approved", funds_received_sek=600)
        make_initiative(uppsala, funds_sek=30)
        draft = make_report(county_org("04"), pot, "draft", funds_received_sek=400)
        draft.funds_used_sek = 400
        draft.save()
        make_initiative(draft, funds_sek=999)
        make_report(
            region("01"),
            cls.youth_region_pot,
            funds_received_sek=5000,
            funds_carried_over_sek=0,
            funds_used_sek=0,
        )

        before = previous_year_pot()
        allocate(before, county_org("01"), 800, user=user)
        make_report(county_org("01"), before, funds_received_sek=300, funds_used_sek=300)

    def pot(self, money, pot):
        return next(p for p in money.pots if p.pot_id == pot.pk)

    def county(self, pot_money, code):
        return next(c for c in pot_money.counties if c.county == code).money


class MoneyByPotTest(MoneyTestCase):
    def test_per_pot_and_county(self):
        money = money_by_pot(self.agreement)
        suicide = self.pot(money, self.suicide_pot)
        # allocated, requisitioned, received, carried over, used, initiatives, reports
        self.assertEqual(figures(suicide.money), (2000, 1100, 1100, 50, 400, 380, 2))
        self.assertEqual(suicide.money.gap_sek, 20)
        self.assertEqual(figures(self.county(suicide, "01")), (1000, 500, 500, 50, 400, 350, 1))
        self.assertEqual(self.county(suicide, "01").gap_sek, 50)
        self.assertEqual(figures(self.county(suicide, "03")), (600, 600, 600, 0, 0, 30, 1))
        self.assertEqual(self.county(suicide, "03").gap_sek, -30)
        self.assertEqual(figures(self.county(suicide, "04")), (400, 0, 0, 0, 0, 0, 0))
        self.assertEqual(figures(self.county(suicide, "05")), (0,) * 7)
        self.assertEqual(
            [c.county for c in suicide.counties],
            list(County.objects.values_list("code", flat=True)),
        )
        youth = self.pot(money, self.youth_region_pot)
        self.assertEqual(figures(youth.money), (5000, 5000, 5000, 0, 0, 0, 1))
        self.assertEqual(figures(money.total), (7000, 6100, 6100, 50, 400, 380, 3))

    def test_no_use(self):
        money = money_by_pot(self.agreement)
        # The child and youth part comes before suicide prevention in the agreement.
        self.assertEqual(
            [(n.organisation, n.received_sek, n.used_sek) for n in money.no_use],
            [("Region Stockholm", 5000, 0), ("Uppsala län (länsgemensamma medel)", 600, None)],
        )

    def test_one_county(self):
        money = money_by_pot(self.agreement, county="03")
        suicide = self.pot(money, self.suicide_pot)
        self.assertEqual(figures(suicide.money), (600, 600, 600, 0, 0, 30, 1))
        self.assertEqual([c.county for c in suicide.counties], ["03"])
        self.assertEqual(figures(self.pot(money, self.youth_region_pot).money), (0,) * 7)
        self.assertEqual([n.county for n in money.no_use], ["03"])

    def test_visible_counties_limit_rows_not_totals(self):
        money = money_by_pot(self.agreement, visible={"01"})
        suicide = self.pot(money, self.suicide_pot)
        self.assertEqual(figures(suicide.money), (2000, 1100, 1100, 50, 400, 380, 2))
        self.assertEqual([c.county for c in suicide.counties], ["01"])
        self.assertEqual([n.organisation for n in money.no_use], ["Region Stockholm"])

    def test_a_few_grouped_queries(self):
        with self.assertNumQueries(8):
            money_by_pot(self.agreement)

    def test_previous_year(self):
        analysis = money_analysis(self.agreement)
        self.assertEqual(analysis.previous_year, 2019)
        # Only suicide prevention for county recipients existed in 2019.
        [pot] = analysis.comparison
        self.assertEqual(pot.part_title, self.suicide.title)
        rows = {r.field: (r.previous, r.current, r.change) for r in pot.rows}
        self.assertEqual(rows["allocated_sek"], (800, 2000, 1200))
        self.assertEqual(rows["requisitioned_sek"], (0, 1100, 1100))
        self.assertEqual(rows["used_sek"], (300, 400, 100))
        self.assertEqual(rows["initiatives_sek"], (0, 380, 380))
        self.assertEqual(rows["gap_sek"], (300, 20, -280))
        self.assertEqual(rows["reports"], (1, 2, 1))
        self.assertIsNone(money_analysis(Agreement.objects.get(year=2019)).comparison)


class FundsJsonTest(MoneyTestCase):
    def test_contract(self):
        data = funds_json(self.agreement)
        self.assertEqual(json.loads(json.dumps(data)), data)
        self.assertEqual(data, funds_json(self.agreement))
        self.assertEqual(len(data), Pot.objects.filter(part__agreement=self.agreement).count())
        keys = ["part", "org_kind", *FIELDS, "counties"]
        for pot in data:
            self.assertEqual(list(pot), keys)
            self.assertEqual(len(pot["counties"]), 21)
            for row in pot["counties"]:
                self.assertEqual(list(row), ["county", *FIELDS])
                self.assertTrue(all(type(row[f]) is int for f in FIELDS))
            self.assertTrue(all(type(pot[f]) is int for f in FIELDS))
        suicide = next(p for p in data if p["part"] == "suicidprevention")
        self.assertEqual(
            {k: v for k, v in suicide.items() if k != "counties"},
            {
                "part": "suicidprevention",
                "org_kind": "county",
                "allocated_sek": 2000,
                "requisitioned_sek": 1100,
                "received_sek": 1100,
                "carried_over_sek": 50,
                "used_sek": 400,
                "initiatives_sek": 380,
                "reports": 2,
            },
        )
        self.assertEqual(
            suicide["counties"][0],
            {
                "county": "01",
                "allocated_sek": 1000,
                "requisitioned_sek": 500,
                "received_sek": 500,
                "carried_over_sek": 50,
                "used_sek": 400,
                "initiatives_sek": 350,
                "reports": 1,
            },
        )

    def test_command(self):
        out = StringIO()
        call_command("funds", "--year", "2020", "--format", "json", stdout=out)
        self.assertEqual(json.loads(out.getvalue()), funds_json(self.agreement))
        out = StringIO()
        call_command("funds", "--year", "2020", "--county", "03", stdout=out)
        data = json.loads(out.getvalue())
        suicide = next(p for p in data if p["part"] == "suicidprevention")
        self.assertEqual((suicide["allocated_sek"], suicide["initiatives_sek"]), (600, 30))
        self.assertEqual([c["county"] for c in suicide["counties"]], ["03"])

    def test_command_errors(self):
        for args, text in (
            (["--year", "1999"], "1999"),
            (["--year", "x"], "x"),
            (["--year", "2020", "--county", "99"], "99"),
        ):
            with self.assertRaises(CommandError) as ctx:
                call_command("funds", *args, stdout=StringIO())
            self.assertEqual(ctx.exception.returncode, 2)
            self.assertIn(text, str(ctx.exception))
