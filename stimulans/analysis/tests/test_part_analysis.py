from django.urls import reverse

from .helpers import PageTestCase


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
