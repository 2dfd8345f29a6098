from django.urls import reverse

from .base import ReportingTestCase, make_report


class MyReportsTest(ReportingTestCase):
    url = reverse("reporting:my_reports")

    def test_it_lists_the_organisations_parts_with_status(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        make_report(self.botkyrka, self.mobila_municipality, self.bob)
        self.login(self.alice)
        page = self.client.get(self.url, {"ar": 2020})
        self.assertContains(page, "Inskickad")
        self.assertContains(page, "En god vård och omsorg")  # the other municipal part
        self.assertContains(page, "Börja redovisa")
        self.assertNotContains(page, "Barn och unga")  # a region/county part

    def test_it_checks_ownership(self):
        other = make_report(self.botkyrka, self.mobila_municipality, self.bob)
        pages = self.assertAccess(self.url, allowed=[self.alice, self.cora], ok=200)
        self.assertNotContains(pages[self.alice], reverse("reporting:detail", args=[other.pk]))
        self.assertContains(pages[self.cora], "Alla redovisningar i länet")
        # Analysts and administrators are sent on to the completeness page.
        for user in (self.anna, self.adam):
            self.login(user)
            self.assertRedirects(
                self.client.get(self.url), reverse("reporting:completeness", args=[2020])
            )
