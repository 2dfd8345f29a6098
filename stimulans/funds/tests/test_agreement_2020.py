from django.db.models import Sum

from stimulans.funds.models import Allocation, Category, Pot
from stimulans.funds.services import allocate_agreement, compute_pot
from stimulans.test import FundsTestCase


class Agreement2020TestCase(FundsTestCase):
    def test_it_loads_seven_parts_and_ten_pots(self):
        self.assertEqual(self.agreement.parts.count(), 7)
        pots = Pot.objects.filter(part__agreement=self.agreement)
        self.assertEqual(pots.count(), 10)
        self.assertEqual(pots.aggregate(t=Sum("amount_sek"))["t"], 1_694_000_000)
        self.assertEqual(self.agreement.total_sek, 1_716_000_000)

    def test_categories_follow_the_reference_order(self):
        pot = Pot.objects.get(part__slug="suicidprevention")
        self.assertEqual(
            list(pot.categories.values_list("slug", flat=True)),
            [
                "samordning-projektledning",
                "suicidpreventiva-handlingsplaner",
                "kunskap-kompetens",
                "struktur-ledning-samverkan",
                "andra-utvecklingsarbeten",
            ],
        )
        self.assertEqual(Category.objects.filter(pot__part__agreement=self.agreement).count(), 40)

    def test_every_pot_adds_up_exactly(self):
        for pot in Pot.objects.filter(part__agreement=self.agreement):
            total = Allocation.objects.filter(pot=pot).aggregate(t=Sum("amount_sek"))["t"]
            self.assertEqual(total, pot.amount_sek, pot)
            expected = {"region": 21, "county": 21, "municipality": 290}[pot.recipient_kind]
            self.assertEqual(pot.allocations.count(), expected, pot)

    def test_child_pots_use_the_young_population(self):
        # The synthetic population has age 10 = code and age 40 = 3*code+7 per municipality, so
        # the 0–24 key weights a municipality by its code alone.
        pot = Pot.objects.get(part__slug="barn-unga", recipient_kind="region")
        rows = compute_pot(pot)
        weights = {org.code: w for org, w, _a in rows}
        self.assertEqual(weights["01"], sum(int(c) for c in self._municipality_codes("01")))

    def test_each_recipient_is_within_one_krona_of_its_exact_share(self):
        pot = Pot.objects.get(part__slug="handlingsplaner-mobila", recipient_kind="municipality")
        rows = compute_pot(pot)
        total_weight = sum(w for _o, w, _a in rows)
        for _org, w, amount in rows:
            exact = pot.amount_sek * w / total_weight
            self.assertLess(abs(amount - exact), 1)

    def test_reallocating_changes_nothing(self):
        before = list(Allocation.objects.values_list("pk", "amount_sek"))
        allocate_agreement(self.agreement)
        self.assertEqual(list(Allocation.objects.values_list("pk", "amount_sek")), before)

    def _municipality_codes(self, county_code):
        from stimulans.organisations.models import Organisation

        return Organisation.objects.filter(
            kind="municipality", county__code=county_code
        ).values_list("code", flat=True)
