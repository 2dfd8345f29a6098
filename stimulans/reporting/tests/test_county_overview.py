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
        for user in (self.cora, self.anna, self.adam):
            self.login(user)
            self.assertEqual(self.client.get(self.url).status_code, 200, user)
        for user in (self.alice, self.bob, self.otto):
            self.login(user)
            self.assertRefused(self.client.get(self.url))
        self.login(self.alice)
        self.assertRefused(self.client.get(reverse("reporting:county_overview_own", args=[2020])))
        self.client.logout()
        self.assertRefused(self.client.get(self.url))
