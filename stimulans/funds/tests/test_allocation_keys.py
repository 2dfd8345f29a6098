from decimal import Decimal

from stimulans.funds.models import AllocationKey, AllocationWeight, KeyKind, Pot
from stimulans.funds.services import allocate_pot, compute_pot
from stimulans.organisations.models import Organisation
from stimulans.test import FundsTestCase


class AllocationKeysTestCase(FundsTestCase):
    def test_explicit_weight_table(self):
        pot = Pot.objects.get(part__slug="brukarmedverkan")
        key = AllocationKey.objects.create(
            agreement=self.agreement, slug="fastställd", kind=KeyKind.WEIGHTS, population_year=2019
        )
        for code, weight in (("01", "2"), ("03", "1"), ("04", "1")):
            AllocationWeight.objects.create(
                key=key,
                organisation=Organisation.objects.get(kind="county", code=code),
                weight=Decimal(weight),
            )
        pot.key = key
        pot.save()
        allocate_pot(pot)
        amounts = dict(pot.allocations.values_list("organisation__code", "amount_sek"))
        self.assertEqual(amounts, {"01": 12_000_000, "03": 6_000_000, "04": 6_000_000})

    def test_base_amount_plus_population(self):
        pot = Pot.objects.get(part__slug="traumavard")
        key = AllocationKey.objects.create(
            agreement=self.agreement,
            slug="bas",
            kind=KeyKind.BASE_PLUS_POPULATION,
            base_amount_sek=1_000_000,
            population_year=2019,
        )
        pot.key = key
        pot.save()
        rows = compute_pot(pot)
        self.assertEqual(sum(a for _o, _w, a in rows), 50_000_000)
        population = {org.code: w for org, w, _a in rows}
        total = sum(population.values())
        for org, w, amount in rows:
            exact = 1_000_000 + Decimal(29_000_000) * Decimal(w) / Decimal(total)
            self.assertLess(abs(amount - exact), 1, org)
