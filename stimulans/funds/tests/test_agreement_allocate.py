from stimulans.funds.models import Allocation
from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.models import PopulationDataset
from stimulans.test import BaseTestCase, make_population


class AgreementAllocateTestCase(BaseTestCase):
    url = "/avtal/2020/fordela/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def test_it_refuses_without_population_and_saves_nothing(self):
        self.login(self.adam)
        r = self.client.post(self.url, follow=True)
        self.assertContains(r, "Befolkningsuppgifter för 2019 saknas")
        self.assertFalse(Allocation.objects.exists())

    def test_admin_allocates_every_pot(self):
        make_population(2019)
        self.login(self.adam)
        r = self.client.post(self.url, follow=True)
        self.assertContains(r, "748 fördelningar är beräknade")
        self.assertEqual(Allocation.objects.count(), 21 * 4 + 290 * 2 + 21 * 4)

    def test_it_checks_ownership(self):
        make_population(2019)
        for user in (self.alice, self.cora, self.anna):
            self.login(user)
            self.assertEqual(self.client.post(self.url).status_code, 403)
        self.client.logout()
        self.assertRefused(self.client.post(self.url))
        self.assertFalse(Allocation.objects.exists())
        self.assertTrue(PopulationDataset.objects.exists())
