from django.urls import reverse

from .base import ReportingTestCase, make_report


class CompletenessTest(ReportingTestCase):
    url = reverse("reporting:completeness", args=[2020])

    def test_it_counts_submitted_and_late_per_part_and_county(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, "1 / 3")
        # Stockholms län: 1 of 2 in, 1 late (the 2021 deadline has passed).
        self.assertContains(page, "1/2 (1)")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora, self.regina],
            ok=200,
        )
