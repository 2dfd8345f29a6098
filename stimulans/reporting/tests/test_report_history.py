from django.urls import reverse

from stimulans.reporting import services

from .base import ReportingTestCase, make_report


class ReportHistoryTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:history", args=[self.report.pk])

    def test_it_lists_every_change_with_who_and_when(self):
        services.save_draft(
            self.report, {"funds_used_sek": "800000"}, self.alice, self.report.version
        )
        self.login(self.cora)
        page = self.client.get(self.url)
        self.assertContains(page, "alice")
        self.assertContains(page, "900000 → 800000")
        self.assertContains(page, "Insats: Mobilt team för unga vuxna")
        # The change types in Swedish, not simple_history's English names.
        self.assertContains(page, "Skapad")
        self.assertContains(page, "Ändrad")
        self.assertNotContains(page, "Changed")
        self.assertNotContains(page, "Created")

    def test_a_removed_initiative_can_be_restored_from_here(self):
        initiative = self.report.initiatives.get()
        services.remove_initiative(
            self.report, initiative.identifier, self.alice, self.report.version
        )
        button = "Återställ Insats: Mobilt team för unga vuxna</button>"
        pages = self.assertAccess(self.url, allowed=[self.cora, self.anna, self.adam], ok=200)
        for page in pages.values():
            self.assertNotContains(page, button)
        self.login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, button)
        record = initiative.history.filter(history_type="-").get().history_id
        self.client.post(
            reverse("reporting:restore_initiative", args=[self.report.pk]), {"record": record}
        )
        self.assertEqual(self.report.initiatives.get().title, "Mobilt team för unga vuxna")
        self.assertNotContains(self.client.get(self.url), button)

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.alice, self.cora, self.anna, self.adam],
            refused=[self.bob, self.charlie, self.otto],
            ok=200,
        )
