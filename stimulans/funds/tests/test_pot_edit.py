from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class PotEditTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.pot = Pot.objects.filter(part__agreement=cls.agreement).first()
        cls.url = f"/avtal/2020/potter/{cls.pot.pk}/redigera/"

    def test_admin_changes_the_amount(self):
        self.login(self.adam)
        data = {"amount_sek": "12345", "key": self.pot.key_id, "purpose": ""}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "är sparad")
        self.pot.refresh_from_db()
        self.assertEqual(self.pot.amount_sek, 12345)
        # Without population figures the key cannot be computed: the page says so.
        self.assertContains(r, "Att åtgärda innan fördelningen beräknas")

    def test_it_refuses_text_as_amount(self):
        self.login(self.adam)
        r = self.client.post(self.url, {"amount_sek": "tio", "key": self.pot.key_id})
        self.assertEqual(r.status_code, 400)
        self.assertNotEqual(Pot.objects.get(pk=self.pot.pk).amount_sek, 0)

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])

    def test_it_handles_a_bad_id(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/avtal/2020/potter/999999/redigera/").status_code, 404)
