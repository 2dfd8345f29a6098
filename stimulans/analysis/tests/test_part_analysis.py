from django.urls import reverse

from stimulans.organisations.models import OrganisationKind

from ..aggregation import aggregate_part, compare_pots
from .helpers import PageTestCase, make_initiative, make_report, region


class PartAnalysisTest(PageTestCase):
    url = reverse("analysis:part_analysis", args=[2020, "suicidprevention"])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url, [self.cora, self.otto, self.anna, self.adam], [self.alice, None]
        )
        self.publish()
        self.assertAccess(self.url, [self.alice, None], [])

    def test_filter_by_county(self):
        self.login(self.anna)
        response = self.client.get(self.url, {"lan": "03"})
        self.assertContains(response, "1 av 1 har redovisat.")
        self.assertContains(response, "Ökad kunskap hos personalen")
        self.assertNotContains(response, "Fler skolor har utbildats")
        # Numbers link to the initiatives behind them.
        self.assertContains(
            response, reverse("analysis:workbench", args=[2020, "suicidprevention"])
        )

    def test_regions_and_municipalities_side_by_side(self):
        self.login(self.anna)
        response = self.client.get(
            reverse("analysis:part_analysis", args=[2020, "handlingsplaner-mobila"])
        )
        self.assertContains(response, "0 av 21 har redovisat.")
        self.assertContains(response, "0 av 290 har redovisat.")

    def test_compare_regions_and_municipalities(self):
        part = self.agreement.parts.get(slug="handlingsplaner-mobila")
        region_pot = part.pots.get(recipient_kind=OrganisationKind.REGION)
        municipal_pot = part.pots.get(recipient_kind=OrganisationKind.MUNICIPALITY)
        make_initiative(
            make_report(region("01"), region_pot),
            self.category(region_pot, "verksamhetsutveckling"),
            effects="Kortare väntetider",
            effect_level="target_group",
        )
        make_initiative(
            make_report(self.stockholm, municipal_pot),
            self.category(municipal_pot, "verksamhetsutveckling"),
        )
        make_report(self.botkyrka, municipal_pot)
        comparison = compare_pots(aggregate_part(part))
        self.assertEqual(comparison["kinds"], ["Region", "Kommun"])
        row = next(r for r in comparison["rows"] if r["category"] == "verksamhetsutveckling")
        self.assertEqual(row["cells"][0], {"activities": 1.0, "effects": 1.0, "target_group": 1.0})
        self.assertEqual(row["cells"][1], {"activities": 0.5, "effects": 0.0, "target_group": 0.0})
        self.login(self.anna)
        response = self.client.get(self.url.replace("suicidprevention", "handlingsplaner-mobila"))
        self.assertContains(response, "Mottagartyperna jämförda")
        self.assertContains(response, "50,0 %")
