from stimulans.funds.copying import copy_agreement_funds
from stimulans.funds.models import Category
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class CategoryAddTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        cls.copy = copy_agreement_funds(2020, 2021)
        cls.old_pot, cls.pot = next(iter(cls.copy.pots.items()))
        cls.url = f"/avtal/2021/potter/{cls.pot.pk}/kategorier/ny/"

    def test_admin_adds_a_merged_category_mapped_onto_two_of_last_year(self):
        old = list(Category.objects.filter(pot_id=self.old_pot)[:2])
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, f"2020: {old[0].title}")
        data = {"title": "Sammanslagen", "slug": "sammanslagen", "order": 50}
        data["predecessors"] = [c.pk for c in old]
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "Kategorin ”Sammanslagen” är sparad.")
        merged = self.pot.categories.get(slug="sammanslagen")
        self.assertEqual(set(merged.predecessors.all()), set(old))

    def test_it_refuses_a_slug_in_use(self):
        slug = self.pot.categories.first().slug
        self.login(self.adam)
        r = self.client.post(self.url, {"title": "X", "slug": slug, "order": 1})
        self.assertContains(r, "har redan en kategori med kortnamnet", status_code=400)

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])
