from stimulans.funds.models import Allocation
from stimulans.funds.services import requisition
from stimulans.test import FundsTestCase


class RequisitionOverviewTestCase(FundsTestCase):
    url = "/avtal/2020/rekvireringar/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.alloc = Allocation.objects.filter(
            organisation=cls.botkyrka, pot__part__slug="god-vard"
        ).get()
        requisition(cls.alloc, 500, cls.bob)
        upp = Allocation.objects.filter(organisation=cls.uppsala, pot__part__slug="god-vard").get()
        requisition(upp, 700, cls.charlie)

    def test_admin_sees_requested_against_allocated_per_pot_and_county(self):
        self.login(self.adam)
        r = self.client.get(self.url)
        rows = {(row["county"].code, row["pot"].pk): row for row in r.context["rows"]}
        row = rows[("01", self.alloc.pot_id)]
        self.assertEqual(row["requested"], 500)
        expected = sum(
            a.amount_sek
            for a in Allocation.objects.filter(pot=self.alloc.pot, organisation__county__code="01")
        )
        self.assertEqual(row["allocated"], expected)
        self.assertEqual(rows[("03", self.alloc.pot_id)]["requested"], 700)
        self.assertEqual(r.context["requested_total"], 1200)

    def test_coordinator_sees_only_own_county(self):
        self.login(self.cora)
        r = self.client.get(self.url)
        self.assertEqual({row["county"].code for row in r.context["rows"]}, {"01"})
        self.assertEqual(r.context["requested_total"], 500)

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.cora, self.otto, self.anna, self.adam],
            refused=[self.alice, self.bob, self.regina],
            ok=200,
            refused_status=403,
        )
