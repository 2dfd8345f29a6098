from stimulans.funds.models import AgreementPart
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class PartRemoveTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.part = cls.agreement.parts.first()
        cls.url = f"/avtal/2020/delar/{cls.part.pk}/ta-bort/"

    def test_it_asks_first_then_removes(self):
        self.login(self.adam)
        r = self.client.post(self.url)
        self.assertContains(r, "Ta bort delen")
        self.assertTrue(AgreementPart.objects.filter(pk=self.part.pk).exists())
        r = self.client.post(self.url, {"confirmed": "1"}, follow=True)
        self.assertContains(r, "är borttagen")
        self.assertFalse(AgreementPart.objects.filter(pk=self.part.pk).exists())

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.adam],
            refused=[self.alice, self.cora, self.anna],
            method="post",
            refused_status=403,
        )

    def test_it_handles_a_bad_id(self):
        self.login(self.adam)
        self.assertEqual(self.client.post("/avtal/2020/delar/999999/ta-bort/").status_code, 404)
