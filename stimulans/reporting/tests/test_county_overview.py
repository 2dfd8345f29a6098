from django.urls import reverse

from .base import ReportingTestCase, make_report


class CountyOverviewTest(ReportingTestCase):
    def setUp(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        make_report(self.uppsala, self.mobila_municipality, self.charlie, submit=True)
        self.url = reverse("reporting:county_overview", args=[2020, "01"])

    def test_it_lists_the_countys_reports_only(self):
        self.login(self.cora)
        page = self.client.get(reverse("reporting:county_overview_own", args=[2020]))
        self.assertContains(page, "Stockholms kommun")
        self.assertContains(page, "Botkyrka")
        self.assertContains(page, "Inte påbörjad")
        self.assertNotContains(page, "Uppsala kommun")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.cora, self.anna, self.adam],
            refused=[self.alice, self.bob, self.otto],
            ok=200,
        )
        self.assertAccess(
            reverse("reporting:county_overview_own", args=[2020]), refused=[self.alice]
        )
