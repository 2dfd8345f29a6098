from django.test import SimpleTestCase
from django.urls import reverse

from .helpers import PageTestCase, make_report


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

    def test_its_queries_do_not_grow_with_the_years(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from .helpers import measures, previous_year_pot, region

        def add_year(year):
            pot = previous_year_pot("barn-unga", "region", year=year)
            measures(
                make_report(region("01"), pot),
                bup__first_assessment__children=10,
                bup__first_assessment__within_30_days=year - 2010,
            )

        self.login(self.anna)
        add_year(2019)  # the previous year, compared with
        self.client.get(self.url)
        with CaptureQueriesContext(connection) as two_years:
            self.client.get(self.url)
        for year in range(2014, 2019):
            add_year(year)
        with CaptureQueriesContext(connection) as seven_years:
            response = self.client.get(self.url)
        self.assertEqual(len(seven_years), len(two_years))
        self.assertContains(response, "2014")
        self.assertContains(response, "90,0")  # 2019: 9 of 10


class ChartAccessibilityTest(SimpleTestCase):
    """Every chart has an accessible name and its figures as a table."""

    def test_charts_are_named_and_have_a_table(self):
        from stimulans.analysis import charts

        html = charts.bar_chart_html([("Uppsala", 0.5), ("Skåne", 0.25)], label="Andel per län")
        self.assertIn('role="img" aria-label="Andel per län"', html)
        self.assertIn("<title>Andel per län</title>", html)
        self.assertIn('<th scope="row">Uppsala</th><td class="num">50,0 %</td>', html)
        unnamed = charts.bar_chart_svg([("A", 1)])
        self.assertNotIn('aria-label=""', unnamed)
        flow = charts.flowchart_svg([("Insats", ["a"]), ("Effekt", ["b"])])
        self.assertIn('aria-label="Flödesschema: Insats → Effekt"', flow)
