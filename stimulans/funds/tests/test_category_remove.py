from stimulans.funds.models import Category
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class CategoryRemoveTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        cls.category = Category.objects.first()
        cls.url = f"/avtal/2020/kategorier/{cls.category.pk}/ta-bort/"

    def test_it_asks_first_then_removes(self):
        self.login(self.adam)
        self.assertContains(self.client.post(self.url), "Ta bort kategorin")
        self.client.post(self.url, {"confirmed": "1"})
        self.assertFalse(Category.objects.filter(pk=self.category.pk).exists())

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.adam],
            refused=[self.alice, self.cora, self.anna],
            method="post",
            refused_status=403,
        )
