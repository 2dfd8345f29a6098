from django.urls import reverse

from .base import ReportingTestCase


class QuestionnaireListTest(ReportingTestCase):
    url = reverse("reporting:questionnaires", args=[2020])

    def test_it_lists_the_questionnaire_of_every_pot(self):
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, "barn-unga--region.xlsx")
        self.assertContains(page, "Ladda upp")

    def test_it_checks_ownership(self):
        pages = self.assertAccess(self.url, allowed=[self.alice, self.cora, self.anna], ok=200)
        for page in pages.values():
            self.assertNotContains(page, "Ladda upp</button>")
