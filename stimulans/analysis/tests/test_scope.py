"""One rule for every analysis page and endpoint (analysis.permissions.analysis_scope): before
publication a county coordinator reads the national totals and its own county's figures, never
another county's; analysts read everything; a published year is open to everyone."""

from django.urls import reverse

from stimulans.organisations.models import OrganisationKind

from ..permissions import analysis_scope
from .helpers import PageTestCase, make_report, measures, previous_year_pot, region

YEAR, PART = 2020, "suicidprevention"
OWN_EFFECT = "Fler skolor har utbildats"  # Stockholm's county report (county 01)
OTHER_EFFECT = "Ökad kunskap hos personalen"  # Uppsala's (county 03)
OTHER_INDICATOR = ">20,0 %<"  # Region Uppsala's BUP share; Stockholm's is 80 %


def pages(lan=None):
    query = f"?lan={lan}" if lan else ""
    return [
        reverse("analysis:part_analysis", args=[YEAR, PART]) + query,
        reverse("analysis:indicators", args=[YEAR]) + query,
    ]


def endpoints(lan=None):
    query = f"?lan={lan}" if lan else ""
    return [
        reverse("analysis:api_coverage", args=[YEAR]) + query,
        reverse("analysis:api_aggregate", args=[YEAR, PART]) + query,
        reverse("analysis:api_effects", args=[YEAR, PART]) + query,
        reverse("analysis:api_flags", args=[YEAR]) + query,
        reverse("analysis:api_indicators", args=[YEAR]) + query,
    ]


class AnalysisScopeTest(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        measures(
            make_report(region("03"), cls.youth_region_pot),
            bup__first_assessment__children=50,
            bup__first_assessment__within_30_days=10,
        )

    def get(self, user, url):
        self.client.logout()
        if user is not None:
            self.login(user)
        return self.client.get(url)

    def test_it_checks_ownership(self):
        # Own county and the national totals: allowed; another county: refused.
        # Reporters and anonymous visitors: nothing before publication (the pages refuse
        # anonymous visitors in any way, the endpoints with 403).
        for url in pages("01") + pages():
            self.assertAccess(url, allowed=[self.cora], refused=[self.alice, None], ok=200)
        for url in endpoints("01") + endpoints():
            self.assertAccess(
                url, allowed=[self.cora], refused=[self.alice, None], ok=200, refused_status=403
            )
        # Analysts and national administrators: every county.
        national = [self.anna, self.adam]
        for url in pages("03"):
            self.assertAccess(
                url, allowed=[self.otto, *national], refused=[self.cora, None], ok=200
            )
        for url in endpoints("03"):
            self.assertAccess(
                url, allowed=national, refused=[self.cora, None], ok=200, refused_status=403
            )
            self.assertIn("bara för länet självt", self.get(self.cora, url).json()["detail"])
        # Published: open data, every county for everyone.
        self.publish()
        for url in pages("03") + endpoints("03"):
            self.assertAccess(url, allowed=[self.cora, self.alice, None], ok=200)

    def test_national_pages_show_a_coordinator_only_its_own_county_s_details(self):
        url = reverse("analysis:part_analysis", args=[YEAR, PART])
        response = self.get(self.cora, url)
        self.assertContains(response, "2 av 21 har redovisat.")  # the national total
        self.assertContains(response, OWN_EFFECT)
        self.assertNotContains(response, OTHER_EFFECT)
        self.assertNotContains(response, "Uppsala län")  # not offered in the county filter
        self.assertContains(self.get(self.anna, url), OTHER_EFFECT)
        url = reverse("analysis:indicators", args=[YEAR])
        self.assertNotContains(self.get(self.cora, url), OTHER_INDICATOR)
        self.assertContains(self.get(self.anna, url), OTHER_INDICATOR)
        self.publish()
        self.assertContains(self.get(self.cora, url), OTHER_INDICATOR)

    def test_the_status_report_and_fact_sheets_follow_the_rule(self):
        year_url = reverse("analysis:year_report", args=[YEAR])
        response = self.get(self.cora, year_url)
        self.assertContains(response, OWN_EFFECT)
        self.assertNotContains(response, OTHER_EFFECT)
        self.assertNotContains(response, OTHER_INDICATOR)
        self.assertNotContains(response, reverse("analysis:county_sheet", args=[YEAR, "03"]))
        own_sheet = reverse("analysis:county_sheet", args=[YEAR, "01"])
        self.assertNotContains(self.get(self.cora, own_sheet), OTHER_INDICATOR)
        for url in (
            reverse("analysis:county_sheet", args=[YEAR, "03"]),
            reverse("analysis:download_county", args=[YEAR, "03", "xlsx"]),
        ):
            self.assertEqual(self.get(self.cora, url).status_code, 403, url)
        self.assertContains(self.get(self.anna, year_url), OTHER_EFFECT)

    def test_the_json_shows_a_coordinator_only_its_own_county_s_details(self):
        coverage = self.get(self.cora, endpoints()[0]).json()
        self.assertEqual([c["county_code"] for c in coverage["counties"]], ["01"])
        self.assertEqual(len(self.get(self.anna, endpoints()[0]).json()["counties"]), 21)
        effects = self.get(self.cora, endpoints()[2]).json()["effects"]
        self.assertEqual([e["effects"] for e in effects], [OWN_EFFECT + " i psykisk första hjälp"])
        self.assertEqual(len(self.get(self.anna, endpoints()[2]).json()["effects"]), 2)
        values = self.get(self.cora, endpoints()[4]).json()["values"]
        self.assertEqual({v["scope"] for v in values}, {"national", "region:01"})
        national = next(
            v
            for v in values
            if v["scope"] == "national"
            and v["indicator"] == "bup.first_assessment.share_within_30_days"
        )
        self.assertEqual((national["numerator"], national["denominator"]), (90, 150))
        values = self.get(self.anna, endpoints()[4]).json()["values"]
        self.assertIn("region:03", {v["scope"] for v in values})

    def test_the_rule(self):
        self.assertTrue(analysis_scope(self.anna, self.agreement).everything)
        self.assertTrue(analysis_scope(self.adam, self.agreement).everything)
        scope = analysis_scope(self.cora, self.agreement)
        self.assertTrue(scope.allows("01") and scope.allows(None))
        self.assertFalse(scope.allows("03"))
        self.assertIsNone(analysis_scope(self.alice, self.agreement))
        self.publish()
        self.assertTrue(analysis_scope(self.cora, self.agreement).everything)
        self.assertTrue(analysis_scope(self.alice, self.agreement).everything)

    def test_the_trend_leaves_out_years_whose_county_figures_are_not_readable(self):
        pot_2019 = previous_year_pot("barn-unga", OrganisationKind.REGION, 2019)
        measures(
            make_report(region("03"), pot_2019),
            bup__first_assessment__children=10,
            bup__first_assessment__within_30_days=3,
        )
        self.publish()  # 2020 is public; 2019 is not
        url = reverse("analysis:indicators", args=[YEAR]) + "?lan=03"
        self.assertContains(self.get(self.anna, url), ">30,0 %<")
        response = self.get(self.cora, url)
        self.assertContains(response, OTHER_INDICATOR)
        self.assertNotContains(response, ">30,0 %<")
        self.assertContains(self.get(self.otto, url), ">30,0 %<")  # Uppsala's own 2019
