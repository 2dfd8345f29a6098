from django.urls import reverse

from stimulans.reporting.models import Reminder

from .base import ReportingTestCase, make_report


class CompletenessTest(ReportingTestCase):
    url = reverse("reporting:completeness", args=[2020])

    def listed(self, page):
        return [(r["organisation"].code, r["pot"].pk) for r in page.context["listed"]]

    def test_it_counts_submitted_and_late_per_part_and_county(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, "1 / 3")
        # Stockholms län: 1 of 2 in, 1 late (the 2021 deadline has passed).
        self.assertContains(page, "1/2 (1)")
        # The columns are named by part, not numbered.
        self.assertContains(page, f"{self.mobila_municipality.part.title} <span")
        self.assertNotContains(page, "<abbr")

    def test_it_lists_the_late_reports_with_their_last_reminder(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        Reminder.objects.create(
            pot=self.mobila_municipality, organisation=self.botkyrka, recipients="bob@example.se"
        )
        self.login(self.adam)
        page = self.client.get(self.url)
        late = self.listed(page)
        self.assertIn(("0127", self.mobila_municipality.pk), late)
        self.assertNotIn(("0180", self.mobila_municipality.pk), late)  # submitted
        self.assertContains(page, "Försenade redovisningar")
        self.assertContains(page, "Ingen påminnelse")
        row = next(r for r in page.context["listed"] if r["organisation"] == self.botkyrka)
        self.assertIsNotNone(row["last_reminder"])

    def test_it_filters_by_county_and_status(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        make_report(self.uppsala, self.mobila_municipality, self.charlie)
        self.login(self.adam)
        page = self.client.get(self.url, {"lan": "03", "status": "draft"})
        self.assertEqual(self.listed(page), [("0380", self.mobila_municipality.pk)])
        self.assertEqual([c.code for c, _cells in page.context["county_rows"]], ["03"])
        page = self.client.get(self.url, {"lan": "01", "status": "submitted"})
        self.assertEqual(self.listed(page), [("0180", self.mobila_municipality.pk)])
        page = self.client.get(self.url, {"lan": "01", "status": "ej-paborjad"})
        self.assertIn(("0127", self.mobila_municipality.pk), self.listed(page))
        self.assertNotIn(("0180", self.mobila_municipality.pk), self.listed(page))
        for bad in ({"lan": "99"}, {"status": "x"}):
            page = self.client.get(self.url, bad)
            self.assertContains(page, 'class="errorlist"', status_code=400)

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora, self.regina],
            ok=200,
        )
