"""The confirmation page of "Skicka in": what is being submitted, then the final button."""

from django.urls import reverse

from stimulans.reporting import services
from stimulans.reporting.models import Report, ReportStatus

from .base import ReportingTestCase, make_report


class ReportSubmitTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:submit", args=[self.report.pk])

    def status(self):
        return Report.objects.get(pk=self.report.pk).status

    def test_it_summarises_what_is_submitted(self):
        self.login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, "<dt>Tilldelade medel</dt><dd>20\u00a0000\u00a0000 kr</dd>")
        self.assertContains(page, "<dt>Använda medel</dt><dd>900\u00a0000 kr</dd>")
        self.assertContains(page, "<dt>Antal insatser</dt><dd>1</dd>")
        self.assertContains(page, "<dt>Insatsernas medel sammanlagt</dt><dd>600\u00a0000 kr</dd>")
        self.assertEqual(self.status(), ReportStatus.DRAFT)

    def test_the_summary_includes_pending_autosaves(self):
        self.login(self.alice)
        version, _at = services.autosave(
            self.report.pk, {"f-funds_used_sek": ["800000"]}, self.alice, self.report.version
        )
        self.assertContains(self.client.get(self.url), "<dd>800\u00a0000 kr</dd>")
        self.client.post(self.url, {"version": version})
        report = Report.objects.get(pk=self.report.pk)
        self.assertEqual((report.status, report.funds_used_sek), (ReportStatus.SUBMITTED, 800000))

    def test_problems_found_at_the_final_step_show_the_form(self):
        services.save_draft(self.report, {"disruption": ""}, self.alice, self.report.version)
        self.login(self.alice)
        response = self.client.post(self.url, {"version": self.report.version})
        self.assertContains(response, "Redovisningen kan inte skickas in ännu", status_code=400)
        self.assertEqual(self.status(), ReportStatus.DRAFT)

    def test_it_checks_ownership(self):
        version = {"version": self.report.version}
        refused = [self.bob, self.charlie, self.regina, self.cora, self.otto, self.anna, self.adam]
        self.assertAccess(self.url, allowed=[self.alice], refused=refused, ok=200)
        self.assertAccess(self.url, refused=refused, method="post", data=version)
        self.assertEqual(self.status(), ReportStatus.DRAFT)
        self.login(self.alice)
        response = self.client.post(self.url, version)
        self.assertRedirects(response, reverse("reporting:detail", args=[self.report.pk]))
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        # Once submitted, the page sends the reporter to the report.
        self.assertRedirects(
            self.client.get(self.url), reverse("reporting:detail", args=[self.report.pk])
        )
