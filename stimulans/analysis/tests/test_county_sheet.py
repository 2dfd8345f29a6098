from django.urls import reverse

from .helpers import PageTestCase


class CountySheetTest(PageTestCase):
    url = reverse("analysis:county_sheet", args=[2020, "01"])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url, [self.cora, self.anna, self.adam], [self.otto, self.alice, self.bob, None]
        )
        self.publish()
        self.assertAccess(self.url, [self.otto, self.alice, None], [])

    def test_it_shows_one_county(self):
        self.login(self.cora)
        response = self.client.get(self.url)
        self.assertContains(response, "Stockholms län")
        self.assertContains(response, "1 av 1 har redovisat.")
        self.assertContains(response, "Fler skolor har utbildats")
        self.assertNotContains(response, "Ökad kunskap hos personalen")

    def test_unknown_county(self):
        self.login(self.anna)
        self.assertEqual(
            self.client.get(reverse("analysis:county_sheet", args=[2020, "99"])).status_code, 404
        )
