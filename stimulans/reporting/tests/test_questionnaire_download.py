from django.urls import reverse

from .base import ReportingTestCase


class QuestionnaireDownloadTest(ReportingTestCase):
    def test_it_checks_ownership(self):
        url = reverse("reporting:questionnaire_download", args=[2020, self.youth_region.pk])
        allowed = [self.alice, self.cora, self.anna, self.adam]
        for response in self.assertAccess(url, allowed=allowed, ok=200).values():
            self.assertEqual(response.content[:2], b"PK")
