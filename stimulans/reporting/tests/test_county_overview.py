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

    def test_it_is_one_table_filtered_by_part_and_status(self):
        self.login(self.cora)
        page = self.client.get(self.url)
        self.assertContains(page, 'class="first-fixed"', count=1)
        pots = {r["pot"].pk for r in page.context["rows"]}
        self.assertGreater(len(pots), 1)
        part = self.mobila_municipality.part
        page = self.client.get(self.url, {"del": part.slug, "status": "submitted"})
        self.assertEqual(
            [(r["organisation"].code, r["pot"].pk) for r in page.context["rows"]],
            [("0180", self.mobila_municipality.pk)],
        )
        page = self.client.get(self.url, {"del": part.slug, "status": "ej-paborjad"})
        self.assertIn("0127", [r["organisation"].code for r in page.context["rows"]])
        self.assertNotIn("0180", [r["organisation"].code for r in page.context["rows"]])
        page = self.client.get(self.url, {"status": "approved"})
        self.assertContains(page, "Inga redovisningar med de här filtren.")
        page = self.client.get(self.url, {"del": "ingen"})
        self.assertContains(page, 'class="errorlist"', status_code=400)
