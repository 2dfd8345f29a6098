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
        refused = [self.bob, self.charlie, self.cora, self.anna, self.adam]
        self.assertAccess(self.url, allowed=[self.alice], refused=refused, method="post", ok=200)
        self.login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 405)
