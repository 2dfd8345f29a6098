from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase


class PartAddTestCase(BaseTestCase):
    url = "/avtal/2020/delar/ny/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()

    def test_admin_adds_a_part_and_is_told_it_has_no_pots(self):
        self.login(self.adam)
        data = {"title": "Psykisk hälsa och suicidprevention", "slug": "psykisk-halsa", "order": 9}
        r = self.client.post(self.url, data, follow=True)
        self.assertContains(r, "Delen ”Psykisk hälsa och suicidprevention” är sparad.")
        self.assertContains(r, "Delen ”Psykisk hälsa och suicidprevention” har inga potter.")

    def test_it_refuses_a_slug_in_use(self):
        slug = self.agreement.parts.first().slug
        self.login(self.adam)
        r = self.client.post(self.url, {"title": "X", "slug": slug, "order": 1})
        self.assertContains(r, "har redan en del med kortnamnet", status_code=400)
        self.assertFalse(self.agreement.parts.filter(title="X").exists())

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, allowed=[self.adam], refused=[self.alice, self.cora, self.anna])
