"""The confirmation page of "Ta bort insats" and the "Ångra" after it."""

from django.urls import reverse

from stimulans.reporting import services

from .base import ReportingTestCase, make_report


class InitiativeRemoveTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.initiative = self.report.initiatives.get()
        self.url = reverse(
            "reporting:remove_initiative", args=[self.report.pk, self.initiative.identifier]
        )
        self.restore = reverse("reporting:restore_initiative", args=[self.report.pk])

    def test_an_unknown_initiative_is_404(self):
        self.login(self.alice)
        url = reverse("reporting:remove_initiative", args=[self.report.pk, "finns-inte"])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_a_submitted_report_cannot_lose_an_initiative(self):
        services.submit(self.report, self.alice)
        self.login(self.alice)
        self.report.refresh_from_db()
        response = self.client.post(self.url, {"version": self.report.version})
        self.assertRedirects(response, reverse("reporting:detail", args=[self.report.pk]))
        self.assertTrue(self.report.initiatives.exists())

    def test_a_bad_record_is_refused_with_a_message(self):
        self.login(self.alice)
        for record in ("", "abc", "²", "999999"):
            response = self.client.post(self.restore, {"record": record}, follow=True)
            self.assertContains(response, "kan inte återställas")
        self.assertEqual(self.report.initiatives.count(), 1)

    def test_it_checks_ownership(self):
        others = [self.bob, self.charlie, self.regina, self.cora, self.otto, self.anna]
        pages = self.assertAccess(self.url, allowed=[self.alice], refused=[*others, self.adam])
        self.assertContains(pages[self.alice], "Mobilt team för unga vuxna")
        version = self.report.version
        self.assertAccess(self.url, refused=others, method="post", data={"version": version})
        self.assertTrue(self.report.initiatives.exists())
        # Removed by its own organisation; nobody else may restore it.
        self.login(self.alice)
        self.client.post(self.url, {"version": version})
        self.assertFalse(self.report.initiatives.exists())
        record = self.initiative.history.filter(history_type="-").get().history_id
        self.assertAccess(
            self.restore,
            refused=[self.bob, self.cora, self.anna, self.adam],
            method="post",
            data={"record": record},
        )
        self.assertFalse(self.report.initiatives.exists())
        self.login(self.alice)
        self.client.post(self.restore, {"record": record})
        self.assertEqual(self.report.initiatives.get().title, "Mobilt team för unga vuxna")
