from django.urls import reverse

from .base import ReportingTestCase, make_report


class ReportDetailTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:detail", args=[self.report.pk])

    def test_it_shows_the_answers_for_reading_and_printing(self):
        self.login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, "Mobilt team för unga vuxna")
        self.assertContains(page, "Ja, av covid-19-pandemin")
        self.assertContains(page, "900\u00a0000")
        self.assertNotContains(page, "Återsänd för komplettering</button>")

    def test_the_coordinator_may_return_and_the_administrator_approve(self):
        self.login(self.cora)
        page = self.client.get(self.url)
        self.assertContains(page, "Återsänd för komplettering</button>")
        self.assertNotContains(page, "Godkänn redovisningen")
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, "Godkänn redovisningen")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.alice, self.cora, self.anna, self.adam],
            refused=[self.bob, self.charlie, self.regina, self.otto],
            ok=200,
        )
        self.login(self.alice)
        self.assertEqual(
            self.client.get(reverse("reporting:detail", args=[999999])).status_code, 404
        )
