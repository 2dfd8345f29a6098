from django.urls import reverse

from stimulans.reporting.models import ReportStatus

from .base import ReportingTestCase, make_report


class ReportReturnTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:return", args=[self.report.pk])

    def status(self):
        self.report.refresh_from_db()
        return self.report.status

    def confirmed(self, comment):
        return {"comment": comment, "confirmed": "1", "version": str(self.report.version)}

    def test_it_asks_first_showing_the_comment(self):
        self.login(self.cora)
        page = self.client.post(self.url, {"comment": "Komplettera <målen>."})
        self.assertContains(page, "Återsänd redovisningen för komplettering?")
        self.assertContains(page, "Komplettera &lt;målen&gt;.")
        self.assertContains(page, 'name="comment" value="Komplettera &lt;målen&gt;."')
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        stale = dict(self.confirmed("Komplettera."), version=str(self.report.version - 1))
        response = self.client.post(self.url, stale)
        self.assertContains(response, "har ändrats sedan sidan visades", status_code=409)
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)

    def test_a_comment_is_needed(self):
        self.login(self.cora)
        self.client.post(self.url, {"comment": ""})
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)

    def test_the_national_administrator_may_also_return(self):
        self.login(self.adam)
        self.client.post(self.url, self.confirmed("Komplettera målen."))
        self.assertEqual(self.status(), ReportStatus.RETURNED)

    def test_it_checks_ownership(self):
        refused = [self.alice, self.bob, self.charlie, self.otto, self.anna]
        self.assertAccess(self.url, refused=refused, method="post", data={"comment": "x"})
        self.assertAccess(self.url, refused=refused, method="post", data=self.confirmed("x"))
        self.assertEqual(self.status(), ReportStatus.SUBMITTED)
        self.login(self.cora)
        self.client.post(self.url, self.confirmed("Komplettera effekterna."))
        self.assertEqual(self.status(), ReportStatus.RETURNED)
        self.assertEqual(self.report.return_comment, "Komplettera effekterna.")
