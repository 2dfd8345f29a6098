from django.urls import reverse

from stimulans.reporting.models import Report, ReportStatus

from .base import ReportingTestCase, make_report


class ToReviewTest(ReportingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot = cls.mobila_municipality
        cls.submitted = make_report(cls.stockholm, pot, cls.alice, submit=True)
        cls.draft = make_report(cls.botkyrka, pot, cls.bob)
        cls.other_county = make_report(cls.uppsala, pot, cls.charlie, submit=True)
        cls.returned = make_report(cls.region_stockholm, cls.youth_region, cls.regina, submit=True)
        Report.objects.filter(pk=cls.returned.pk).update(status=ReportStatus.RETURNED)
        cls.url = reverse("reporting:to_review", args=[2020])

    def listed(self, response):
        return sorted(r.organisation.code for r in response.context["reports"])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.cora, self.otto, self.anna, self.adam],
            refused=[self.alice, self.bob, self.charlie, self.regina],
            ok=200,
        )

    def test_without_filters_it_lists_the_county_s_reports_waiting_for_review(self):
        self.login(self.cora)
        page = self.client.get(self.url)
        # Submitted only: not the draft, not the returned report, not another county's.
        self.assertEqual(self.listed(page), ["0180"])
        self.assertContains(page, "Granska Stockholm")
        self.assertContains(page, reverse("reporting:detail", args=[self.submitted.pk]))
        self.assertContains(page, "1 redovisning<")
        self.login(self.adam)
        self.assertEqual(self.listed(self.client.get(self.url)), ["0180", "0380"])

    def test_it_filters_by_status_part_and_organisation(self):
        self.login(self.cora)
        every = self.client.get(self.url, {"status": ""})
        self.assertEqual(self.listed(every), ["01", "0127", "0180"])
        self.assertContains(every, "3 redovisningar<")
        returned = self.client.get(self.url, {"status": "returned"})
        self.assertEqual(self.listed(returned), ["01"])
        part = self.mobila_municipality.part.slug
        by_part = self.client.get(self.url, {"status": "", "del": part})
        self.assertEqual(self.listed(by_part), ["0127", "0180"])
        by_org = self.client.get(self.url, {"status": "", "organisation": self.botkyrka.pk})
        self.assertEqual(self.listed(by_org), ["0127"])
        none = self.client.get(self.url, {"status": "approved"})
        self.assertContains(none, "Inga redovisningar med de här filtren.")

    def test_bad_filters_are_refused_with_a_message(self):
        self.login(self.otto)
        # Another county's organisation is not among the choices.
        page = self.client.get(self.url, {"organisation": self.stockholm.pk})
        self.assertEqual(page.status_code, 400)
        self.assertContains(page, "Välj ett giltigt alternativ", status_code=400)
        self.assertEqual(self.listed(page), [])
        for data in ({"status": "nonsense"}, {"del": "ingen-sådan-del"}, {"organisation": "x"}):
            page = self.client.get(self.url, data)
            self.assertContains(page, 'class="errorlist"', status_code=400)
        self.assertEqual(
            self.client.get(reverse("reporting:to_review", args=[1999])).status_code, 404
        )

    def test_it_sorts(self):
        self.login(self.cora)

        def order(**params):
            page = self.client.get(self.url, {"status": "", **params})
            return [r.organisation.name for r in page.context["reports"]]

        by_name = order(ordning="organisation")
        self.assertEqual(by_name, sorted(by_name))
        self.assertEqual(len(by_name), 3)
        # The draft has no submission date: last either way.
        self.assertEqual(order()[-1], self.botkyrka.name)
        self.assertEqual(order(ordning="nyast")[-1], self.botkyrka.name)
        self.assertEqual(order(ordning="status")[0], self.botkyrka.name)  # "draft" first
        page = self.client.get(self.url, {"ordning": "slumpvis"})
        self.assertContains(page, 'class="errorlist"', status_code=400)
