from django.urls import reverse

from .base import ReportingTestCase, make_report


class PotCompletenessTest(ReportingTestCase):
    def setUp(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:pot_completeness", args=[2020, self.mobila_municipality.pk])

    def test_the_administrator_can_remind_the_missing(self):
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, f'name="organisation" value="{self.botkyrka.pk}"')
        self.assertNotContains(page, f'name="organisation" value="{self.stockholm.pk}"')
        self.login(self.anna)
        self.assertNotContains(self.client.get(self.url), 'name="organisation"')

    def test_it_checks_ownership(self):
        for user in (self.anna, self.adam):
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 200)
        for user in (self.alice, self.cora):
            self.login(user)
            self.assertRefused(self.client.get(self.url))
        self.client.logout()
        self.assertRefused(self.client.get(self.url))
