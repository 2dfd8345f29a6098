from django.urls import reverse

from .base import ReportingTestCase


class QuestionnaireDownloadTest(ReportingTestCase):
    def test_it_checks_ownership(self):
        url = reverse("reporting:questionnaire_download", args=[2020, self.youth_region.pk])
        for user in (self.alice, self.cora, self.anna, self.adam):
            self.login(user)
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.content[:2], b"PK")
        self.client.logout()
        self.assertRefused(self.client.get(url))
