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

    def test_a_draft_cannot_be_approved(self):
        draft = make_report(self.botkyrka, self.mobila_municipality, self.bob)
        self.login(self.adam)
        self.client.post(reverse("reporting:approve", args=[draft.pk]))
        draft.refresh_from_db()
        self.assertEqual(draft.status, ReportStatus.DRAFT)

    def test_it_checks_ownership(self):
        for user in (self.alice, self.bob, self.cora, self.otto, self.anna):
            self.login(user)
            self.assertRefused(self.client.post(self.url))
        self.client.logout()
        self.assertRefused(self.client.post(self.url))
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        self.login(self.adam)
        self.client.post(self.url)
        self.assertEqual(self.status(), ReportStatus.APPROVED)
