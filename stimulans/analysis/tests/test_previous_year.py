"""The previous year beside this one: category tables paired by recipient kind and category
slug, indicators by indicator and scope, on the part and indicator pages, for the users who may
read both years."""

from django.urls import reverse

from stimulans.funds.models import Category
from stimulans.organisations.models import OrganisationKind

from ..aggregation import aggregate_part
from ..models import StatusReport
from ..previous_year import compare_category_tables, previous_part
from .helpers import (
    PageTestCase,
    county_org,
    make_initiative,
    make_report,
    measures,
    previous_year_pot,
    region,
)


class PreviousYearTest(PageTestCase):
    """2020 (PageTestCase): Stockholm in "samordning-projektledning" (100 kr, effects),
    Uppsala in "kunskap-kompetens" (40 kr, effects). 2019: Stockholm in "kunskap-kompetens"
    (10 kr, effects) and in a category that 2020 no longer has (5 kr, no effects)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot = previous_year_pot("suicidprevention", OrganisationKind.COUNTY, 2019)
        kunskap = Category.objects.create(pot=pot, slug="kunskap-kompetens", title="Kunskap")
        gone = Category.objects.create(pot=pot, slug="gammal", title="Nedlagd kategori", order=1)
        report = make_report(county_org("01"), pot)
        make_initiative(report, kunskap, effects="Ökad kunskap", funds_sek=10)
        make_initiative(report, gone, funds_sek=5)
        measures(
            make_report(region("01"), previous_year_pot("barn-unga", OrganisationKind.REGION)),
            bup__first_assessment__children=100,
            bup__first_assessment__within_30_days=50,
        )
        cls.part_url = reverse("analysis:part_analysis", args=[2020, "suicidprevention"])
        cls.indicator_url = reverse("analysis:indicators", args=[2020])

    def comparison(self):
        previous = previous_part(self.suicide)
        return compare_category_tables(aggregate_part(self.suicide), aggregate_part(previous))

    def test_category_tables_side_by_side(self):
        data = self.comparison()
        self.assertEqual((data["year"], data["previous_year"]), (2020, 2019))
        pot = data["pots"][0]
        self.assertEqual(
            (
                pot["reporting_actors"],
                pot["previous_reporting_actors"],
                pot["reporting_actors_change"],
            ),
            (2, 1, 1),
        )
        rows = {row["key"]: row for row in pot["rows"]}
        self.assertEqual(
            [row["key"] for row in pot["rows"]],
            [
                "samordning-projektledning",
                "suicidpreventiva-handlingsplaner",
                "kunskap-kompetens",
                "struktur-ledning-samverkan",
                "andra-utvecklingsarbeten",
                "gammal",
            ],
        )
        kunskap = rows["kunskap-kompetens"]
        self.assertEqual(kunskap["current"]["funds_sek"], 40)
        self.assertEqual(kunskap["previous"]["funds_sek"], 10)
        self.assertEqual(
            kunskap["change"],
            {
                "actors_with_activities": 0,
                "actors_with_effects": 0,
                "actors_with_target_group_effects": 0,
                "initiatives": 0,
                "funds_sek": 30,
            },
        )
        self.assertIsNone(rows["samordning-projektledning"]["previous"])
        self.assertIsNone(rows["samordning-projektledning"]["change"]["funds_sek"])
        self.assertIsNone(rows["gammal"]["current"])
        self.assertEqual(rows["gammal"]["title"], "Nedlagd kategori")
        self.assertEqual(rows["gammal"]["previous"]["actors_with_effects"], 0)

    def test_no_previous_part(self):
        part = self.agreement.parts.get(slug="handlingsplaner-mobila")
        self.assertIsNone(previous_part(part))
        self.login(self.anna)
        response = self.client.get(
            reverse("analysis:part_analysis", args=[2020, "handlingsplaner-mobila"])
        )
        self.assertNotContains(response, "2020 jämfört med 2019")

    def test_part_page(self):
        self.login(self.anna)
        response = self.client.get(self.part_url)
        self.assertContains(response, "2020 jämfört med 2019")
        self.assertContains(response, "Aktörer som redovisat: 2 (föregående år 1, förändring +1).")
        self.assertContains(
            response,
            '<td class="num">40</td><td class="num">10</td><td class="num">+30</td>',
        )
        self.assertContains(response, "Nedlagd kategori")
        # A category of 2020 alone: no figures for 2019 and no change.
        self.assertContains(
            response,
            '<td class="num">1</td>\n      <td class="num">–</td>\n      <td class="num">–</td>',
        )

    def test_indicators_side_by_side(self):
        self.login(self.anna)
        response = self.client.get(self.indicator_url)
        self.assertContains(response, "2020 jämfört med 2019")
        self.assertContains(response, "+30,0 procentenheter")
        self.assertContains(response, '<td class="num">80,0 %</td>')
        self.assertContains(response, '<td class="num">50,0 %</td>')

    def test_the_previous_year_only_where_the_user_may_read_it(self):
        # Cora reads the national totals of both unpublished years.
        self.login(self.cora)
        self.assertContains(self.client.get(self.part_url), "2020 jämfört med 2019")
        self.assertContains(self.client.get(self.indicator_url), "+30,0 procentenheter")
        # With 2020 published and 2019 not, a reporter reads 2020 alone.
        self.publish()
        self.login(self.alice)
        self.assertNotContains(self.client.get(self.part_url), "2020 jämfört med 2019")
        self.assertNotContains(self.client.get(self.indicator_url), "procentenheter")
        StatusReport.objects.create(agreement=previous_part(self.suicide).agreement, published=True)
        self.assertContains(self.client.get(self.part_url), "2020 jämfört med 2019")
        self.assertContains(self.client.get(self.indicator_url), "+30,0 procentenheter")

    def test_it_checks_ownership(self):
        for url in (self.part_url, self.indicator_url):
            self.assertAccess(
                url, [self.cora, self.otto, self.anna, self.adam], [self.alice, self.regina]
            )
