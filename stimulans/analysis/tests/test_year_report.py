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
