from django.urls import reverse

from .helpers import PageTestCase, make_initiative


class ReportFlagsTest(PageTestCase):
    def test_it_checks_ownership(self):
        url = reverse("analysis:report_flags", args=[self.report.pk])
        self.assertAccess(
            url, [self.cora, self.anna, self.adam], [self.otto, self.alice, self.bob, None]
        )

    def test_it_lists_the_reports_flags(self):
        make_initiative(self.report, None, title="Utan mål", activities="Möten", goals="")
        self.login(self.cora)
        response = self.client.get(reverse("analysis:report_flags", args=[self.report.pk]))
        self.assertContains(response, "Aktiviteter utan mål")
        self.assertContains(response, "Utan mål")
