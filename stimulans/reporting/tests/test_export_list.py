from django.urls import reverse

from .export_data import ExportTestCase

URL = reverse("reporting:export_list")


class ExportListTest(ExportTestCase):
    def test_it_links_every_pot_with_the_reports_the_user_may_export(self):
        self.login(self.cora)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, reverse("reporting:export_xlsx", args=[self.pot.pk]))
        self.assertContains(
            response, reverse("reporting:export_csv", args=[self.pot.pk, "answers"])
        )
        self.assertContains(
            response, reverse("reporting:export_csv", args=[self.region_pot.pk, "measures"])
        )
        self.assertNotContains(
            response, reverse("reporting:export_csv", args=[self.pot.pk, "measures"])
        )
        counts = {
            (pot.pk): pot.report_count
            for _agreement, pots in response.context["agreements"]
            for pot in pots
        }
        self.assertEqual(counts[self.pot.pk], 2)  # Stockholm and Botkyrka, not Uppsala

    def test_it_checks_ownership(self):
        self.assertAccess(
            URL,
            allowed=[self.anna, self.adam, self.cora, self.otto],
            refused=[self.alice, self.bob, self.charlie, self.regina],
            ok=200,
            refused_status=403,
        )
        self.login(self.adam)
        counts = {
            p.pk: p.report_count
            for _a, pots in self.client.get(URL).context["agreements"]
            for p in pots
        }
        self.assertEqual(counts[self.pot.pk], 3)
