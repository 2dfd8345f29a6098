from stimulans.funds.models import Agreement
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.models import Questionnaire
from stimulans.reporting.questionnaires.loader import load_questionnaires_2020
from stimulans.test import BaseTestCase


class CopyAgreementPageTestCase(BaseTestCase):
    url = "/redovisning/2020/nytt-ar/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        load_questionnaires_2020()

    def test_admin_starts_next_year(self):
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, 'value="2021"')
        r = self.client.post(self.url, {"year": "2021"}, follow=True)
        self.assertContains(r, "Överenskommelsen 2021 är skapad från 2020.")
        self.assertEqual(r.redirect_chain[-1][0], "/avtal/2021/")
        self.assertTrue(Questionnaire.objects.filter(pot__part__agreement__year=2021).exists())

    def test_it_refuses_an_existing_year(self):
        self.login(self.adam)
        self.client.post(self.url, {"year": "2021"})
        r = self.client.post(self.url, {"year": "2021"})
        self.assertContains(r, "Det finns redan en överenskommelse för 2021", status_code=400)
        self.assertEqual(Agreement.objects.count(), 2)

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])

    def test_it_handles_an_unknown_year(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/redovisning/1999/nytt-ar/").status_code, 404)
