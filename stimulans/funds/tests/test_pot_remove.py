from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class PotRemoveTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.pot = Pot.objects.filter(part__agreement=cls.agreement).first()
        cls.url = f"/avtal/2020/potter/{cls.pot.pk}/ta-bort/"

    def test_it_asks_first_then_removes(self):
        self.login(self.adam)
        self.assertContains(self.client.post(self.url), "Ta bort potten")
        self.assertTrue(Pot.objects.filter(pk=self.pot.pk).exists())
        self.client.post(self.url, {"confirmed": "1"})
        self.assertFalse(Pot.objects.filter(pk=self.pot.pk).exists())

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.adam],
            refused=[self.alice, self.cora, self.anna],
            method="post",
            refused_status=403,
        )
