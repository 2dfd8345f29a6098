from stimulans.funds.models import Agreement
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class AgreementEditTestCase(BaseTestCase):
    url = "/avtal/2020/redigera/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()

    def test_admin_changes_title_total_and_deadline(self):
        self.login(self.adam)
        data = {"title": "Ny titel", "total_sek": "5", "reporting_deadline": "2021-04-30"}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "”Ny titel” är sparad.")
        self.agreement.refresh_from_db()
        self.assertEqual(self.agreement.total_sek, 5)
        # The pots are now over the total: the detail page says so.
        self.assertContains(r, "överstiger överenskommelsens totalbelopp (5 kr)")

    def test_it_refuses_a_negative_total(self):
        self.login(self.adam)
        r = self.client.post(self.url, {"title": "X", "total_sek": "-1"})
        self.assertContains(r, "Beloppet måste vara ett heltal ≥ 0 kronor.", status_code=400)
        self.assertNotEqual(Agreement.objects.get(year=2020).title, "X")

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])

    def test_it_handles_unknown_year(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/avtal/1999/redigera/").status_code, 404)
