from django.urls import reverse

from .helpers import PageTestCase


class IndexTest(PageTestCase):
    url = reverse("analysis:index")

    def test_it_checks_ownership(self):
        # Everyone sees the list; only published years for the public and reporters.
        self.assertAccess(self.url, [self.alice, self.cora, self.anna, None], [])
        response = self.client.get(self.url)
        self.assertNotContains(response, reverse("analysis:year_report", args=[2020]))
        self.login(self.anna)
        self.assertContains(self.client.get(self.url), reverse("analysis:year_report", args=[2020]))
        self.publish()
        self.client.logout()
        self.assertContains(self.client.get(self.url), reverse("analysis:year_report", args=[2020]))
