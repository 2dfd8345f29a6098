from django.urls import reverse

from stimulans.reporting.models import Report

from .base import ReportingTestCase, make_report


class ReportEditTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:edit", args=[self.report.pk])

    def test_it_renders_labels_fieldsets_and_the_allocation(self):
        self.login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, "20\u00a0000\u00a0000 kr")
        self.assertContains(page, "<legend>Stimulansmedel</legend>")
        self.assertContains(page, '<label for="r-initiatives-0-title">')
        self.assertContains(page, 'name="version" id="report-version" value="2"')

    def test_a_submitted_report_is_read_only(self):
        self.report.status = "submitted"
        self.report.save()
        self.login(self.alice)
        response = self.client.get(self.url)
        self.assertRedirects(response, reverse("reporting:detail", args=[self.report.pk]))

    def test_it_checks_ownership(self):
        self.login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 200)
        post = {"version": str(self.report.version), "f-funds_used_sek": "1"}
        for user in (
            self.bob,
            self.charlie,
            self.regina,
            self.cora,
            self.otto,
            self.anna,
            self.adam,
        ):
            self.login(user)
            self.assertRefused(self.client.get(self.url))
            self.assertRefused(self.client.post(self.url, post))
        self.client.logout()
        self.assertRefused(self.client.get(self.url))
        self.assertRefused(self.client.post(self.url, post))
        self.assertEqual(Report.objects.get(pk=self.report.pk).funds_used_sek, 900000)
