from django.urls import reverse

from stimulans.reporting.models import Report

from .base import ReportingTestCase


class OpenReportTest(ReportingTestCase):
    def test_it_checks_ownership(self):
        url = reverse("reporting:open", args=[self.mobila_municipality.pk])
        # A region reporter, analysts and administrators cannot start a municipality's report.
        self.assertAccess(
            url, refused=[self.regina, self.anna, self.adam, self.cora], method="post"
        )
        self.assertFalse(Report.objects.exists())
        self.login(self.alice)
        self.assertEqual(self.client.get(url).status_code, 405)
        self.client.post(url)
        self.client.post(url)
        self.assertEqual(Report.objects.get().organisation, self.stockholm)
        self.login(self.bob)
        self.client.post(url)
        self.assertEqual(Report.objects.filter(organisation=self.botkyrka).count(), 1)
