from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class PotAddTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.part = cls.agreement.parts.create(slug="ny", title="Ny del", order=20)
        cls.url = f"/avtal/2020/delar/{cls.part.pk}/potter/ny/"

    def test_admin_adds_a_pot(self):
        key = self.agreement.keys.first()
        self.login(self.adam)
        data = {"recipient_kind": "region", "amount_sek": "1000", "key": key.pk, "purpose": ""}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "är sparad")
        self.assertEqual(self.part.pots.get().amount_sek, 1000)

    def test_it_refuses_a_second_pot_of_a_kind_and_a_bad_amount(self):
        key = self.agreement.keys.first()
        self.part.pots.create(recipient_kind="region", amount_sek=1, key=key)
        self.login(self.adam)
        data = {"recipient_kind": "region", "amount_sek": "-5", "key": key.pk}
        r = self.client.post(self.url, data)
        self.assertContains(r, "Delen har redan en pott för den mottagartypen.", status_code=400)
        self.assertContains(r, "Beloppet måste vara ett heltal ≥ 0 kronor.", status_code=400)
        self.assertEqual(self.part.pots.count(), 1)

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])
