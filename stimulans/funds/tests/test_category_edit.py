from stimulans.funds.copying import copy_agreement_funds
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class CategoryEditTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        copy = copy_agreement_funds(2020, 2021)
        cls.pot = next(iter(copy.pots.values()))
        cls.category = cls.pot.categories.first()
        cls.url = f"/avtal/2021/kategorier/{cls.category.pk}/"

    def test_a_renamed_category_keeps_its_predecessor(self):
        (old,) = self.category.predecessors.all()
        self.login(self.adam)
        data = {"title": "Nytt namn", "slug": "nytt-namn", "order": 0, "predecessors": [old.pk]}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "Kategorin ”Nytt namn” är sparad.")
        self.category.refresh_from_db()
        self.assertEqual(
            (self.category.slug, list(self.category.predecessors.all())), ("nytt-namn", [old])
        )

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])

    def test_it_handles_a_bad_id(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/avtal/2021/kategorier/999999/").status_code, 404)
