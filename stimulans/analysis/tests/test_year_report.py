from django.urls import reverse

from .helpers import PageTestCase


class YearReportTest(PageTestCase):
    url = reverse("analysis:year_report", args=[2020])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url, [self.cora, self.otto, self.anna, self.adam], [self.alice, self.bob, None]
        )
        self.publish()
        self.assertAccess(self.url, [self.alice, self.bob, None], [])

    def test_it_shows_the_year(self):
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, "En nollvision för suicid")
        self.assertContains(response, "2 av 21 har redovisat.")
        self.assertContains(response, "Fler skolor har utbildats")
        self.assertContains(response, "80,0 %")
        self.assertContains(response, "<svg", count=None)
        self.assertContains(response, "Publicera lägesrapporten")
        # Every county links to its fact sheet.
        self.assertContains(response, reverse("analysis:county_sheet", args=[2020, "01"]))

    def test_it_speaks_english(self):
        self.login(self.anna)
        from django.conf import settings

        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = self.client.get(self.url)
        self.assertContains(response, "Who reported")
        self.assertContains(response, "Initiative category")
