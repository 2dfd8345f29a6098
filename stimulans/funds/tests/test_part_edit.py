from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class PartEditTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.part = cls.agreement.parts.first()
        cls.url = f"/avtal/2020/delar/{cls.part.pk}/"

    def test_admin_renames_a_part(self):
        self.login(self.adam)
        data = {"title": "Nytt namn", "slug": self.part.slug, "aims": "", "order": 0}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "Delen ”Nytt namn” är sparad.")
        self.part.refresh_from_db()
        self.assertEqual(self.part.title, "Nytt namn")

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])

    def test_it_handles_a_bad_id(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/avtal/2020/delar/999999/").status_code, 404)
        self.assertEqual(self.client.get(f"/avtal/2019/delar/{self.part.pk}/").status_code, 404)
