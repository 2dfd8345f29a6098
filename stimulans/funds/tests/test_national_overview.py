from stimulans.funds.models import Allocation
from stimulans.funds.services import requisition
from stimulans.test import FundsTestCase


class NationalOverviewTestCase(FundsTestCase):
    url = "/avtal/2020/oversikt/"

    def test_it_totals_parts_and_kinds(self):
        alloc = Allocation.objects.filter(organisation=self.botkyrka).first()
        requisition(alloc, 1000, self.bob)
        self.login(self.adam)
        r = self.client.get(self.url)
        rows = r.context["rows"]
        self.assertEqual(len(rows), 7)
        self.assertEqual(r.context["grand_total"], 1_694_000_000)
        self.assertEqual(r.context["kind_totals"], [820_000_000, 300_000_000, 574_000_000])
        self.assertEqual(r.context["allocated_total"], 1_694_000_000)
        self.assertEqual(r.context["requested_total"], 1000)

    def test_it_checks_ownership(self):
        # Public figures: every logged-in role reads them; anonymous visitors must log in.
        self.assertOpenToEveryLoggedInRole(self.url)
