from django.urls import reverse

from .base import ReportingTestCase, make_report


class ReportRelevanceTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:relevance", args=[self.report.pk])

    def test_follow_up_questions_follow_the_answers(self):
        self.login(self.alice)
        response = self.client.post(self.url, {"f-disruption": "no"})
        self.assertContains(response, 'id="f-disruption_description-wrap" hidden')
        response = self.client.post(self.url, {"f-disruption": "other"})
        self.assertContains(response, 'id="f-disruption_description-wrap">')

    def test_it_checks_ownership(self):
        self.login(self.alice)
        self.assertEqual(self.client.post(self.url, {}).status_code, 200)
        self.assertEqual(self.client.get(self.url).status_code, 405)
        for user in (self.bob, self.charlie, self.cora, self.anna, self.adam):
            self.login(user)
            self.assertRefused(self.client.post(self.url, {}))
        self.client.logout()
        self.assertRefused(self.client.post(self.url, {}))
