"""An indicator on official statistics beside the reported ones on the county sheet and the
indicators page, with its source named and its trend over the years."""

from django.urls import reverse

from ..models import Indicator
from ..official_statistics import import_statistics
from .helpers import PageTestCase, previous_year_pot

CSV = b"""series,org_kind,org_code,year,value
visits,region,01,2019,20
children,region,01,2019,100
visits,region,01,2020,30
children,region,01,2020,120
visits,region,03,2020,10
children,region,03,2020,80
"""


class StatisticsIndicatorPagesTest(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        previous_year_pot("barn-unga", "region", year=2019)
        import_statistics(CSV, "csv")
        Indicator.objects.create(
            code="stat.visits",
            title="Besök per barn i statistiken",
            basis="statistics",
            numerator="visits",
            denominator="children",
            source="SCB, testtabell",
            description="Besök delat med antal barn.",
            order=99,
        )

    def test_county_sheet_shows_it_beside_the_reported(self):
        self.login(self.anna)
        response = self.client.get(reverse("analysis:county_sheet", args=[2020, "01"]))
        self.assertContains(response, "Besök per barn i statistiken")
        self.assertContains(response, "Officiell statistik: SCB, testtabell")
        self.assertContains(response, "Redovisade mått")
        # 30 / 120 for Stockholm.
        self.assertContains(response, "25,0 %")

    def test_indicators_page_names_the_source_and_shows_the_trend(self):
        self.login(self.anna)
        url = reverse("analysis:indicators", args=[2020])
        response = self.client.get(url, {"lan": "01"})
        self.assertContains(response, "Officiell statistik: SCB, testtabell")
        self.assertContains(response, "25,0 % (30 / 120)")
        self.assertContains(response, "Besök per barn i statistiken per år")
        # Nationally: (30 + 10) / (120 + 80) = 20 %; 2019: 20 / 100 = 20 % too.
        response = self.client.get(url)
        self.assertContains(response, "20,0 % (40 / 200)")
