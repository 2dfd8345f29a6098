from stimulans.funds.models import Allocation, SetAside
from stimulans.funds.services import requisition
from stimulans.test import FundsTestCase


class SetAsideCreateTestCase(FundsTestCase):
    url = "/organisationer/county/01/avsattning/"

    def test_percentage_of_requisitioned_county_funds(self):
        allocs = Allocation.objects.filter(organisation=self.county_stockholm)
        self.assertEqual(len(allocs), 4)
        for alloc in allocs:
            requisition(alloc, 100_000, self.cora)
        self.login(self.cora)
        r = self.client.post(self.url, {"year": 2020, "rule": "percent", "percent": "4"})
        self.assertRedirects(r, "/organisationer/county/01/")
        # four county pots, 100 000 each requisitioned: 4 % of 400 000
        self.assertEqual(SetAside.objects.get(year=2020).amount_sek, 16_000)

    def test_fixed_amount(self):
        self.login(self.adam)
        self.client.post(self.url, {"year": 2020, "rule": "fixed", "amount_sek": 6_400_000})
        self.assertEqual(SetAside.objects.get(year=2020).amount_sek, 6_400_000)
        r = self.client.get("/organisationer/county/01/")
        self.assertContains(r, "6\u00a0400\u00a0000")

    def test_missing_values_are_named(self):
        self.login(self.cora)
        r = self.client.post(self.url, {"year": 2020, "rule": "fixed"})
        self.assertContains(r, "Ange beloppet", status_code=400)
        self.assertFalse(SetAside.objects.exists())

    def test_it_checks_ownership(self):
        data = {"year": 2020, "rule": "fixed", "amount_sek": 1}
        self.assertAccess(
            self.url,
            refused=[self.alice, self.regina, self.otto, self.anna],
            refused_status=403,
            method="post",
            data=data,
        )
        self.assertFalse(SetAside.objects.exists())
