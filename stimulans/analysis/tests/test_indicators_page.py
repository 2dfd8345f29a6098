from django.urls import reverse

from .helpers import PageTestCase


class IndicatorsPageTest(PageTestCase):
    url = reverse("analysis:indicators", args=[2020])

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, [self.cora, self.anna, self.adam], [self.alice, None])
        self.publish()
        self.assertAccess(self.url, [self.alice, None], [])

    def test_it_shows_values_and_charts(self):
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, "80,0 % (80 / 100)")
        self.assertContains(response, "Stockholm")
        self.assertContains(response, "<svg")
