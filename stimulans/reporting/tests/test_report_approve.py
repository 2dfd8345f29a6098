from django.urls import reverse

from stimulans.reporting.models import ReportStatus

from .base import ReportingTestCase, make_report


class ReportApproveTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:approve", args=[self.report.pk])

    def status(self):
        self.report.refresh_from_db()
        return self.report.status

    def confirmed(self):
        return {"confirmed": "1", "version": str(self.report.version)}

    def test_a_draft_cannot_be_approved(self):
        draft = make_report(self.botkyrka, self.mobila_municipality, self.bob)
        self.login(self.adam)
        url = reverse("reporting:approve", args=[draft.pk])
        self.client.post(url, {"confirmed": "1", "version": str(draft.version)})
        draft.refresh_from_db()
        self.assertEqual(draft.status, ReportStatus.DRAFT)

    def test_it_asks_first_and_checks_the_version(self):
        self.login(self.adam)
        for page in (self.client.get(self.url), self.client.post(self.url)):
            self.assertContains(page, "Godkänn redovisningen?")
            self.assertContains(page, "Stockholms kommun")
            self.assertContains(page, 'name="confirmed" value="1"')
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        stale = {"confirmed": "1", "version": str(self.report.version - 1)}
        response = self.client.post(self.url, stale)
        self.assertContains(response, "har ändrats sedan sidan visades", status_code=409)
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        response = self.client.post(self.url, self.confirmed())
        self.assertRedirects(response, reverse("reporting:detail", args=[self.report.pk]))
        self.assertEqual(self.status(), ReportStatus.APPROVED)

    def test_it_checks_ownership(self):
        refused = [self.alice, self.bob, self.cora, self.otto, self.anna]
        self.assertAccess(self.url, allowed=[self.adam], refused=refused, ok=200)
        self.assertAccess(self.url, refused=refused, method="post", data=self.confirmed())
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        self.login(self.adam)
        self.client.post(self.url, self.confirmed())
        self.assertEqual(self.status(), ReportStatus.APPROVED)
