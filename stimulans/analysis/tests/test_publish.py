from django.urls import reverse

from ..models import StatusReport
from .helpers import PageTestCase


class PublishTest(PageTestCase):
    url = reverse("analysis:publish", args=[2020])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url, [], [self.alice, self.cora, None], method="post", data={"published": "1"}
        )
        self.assertFalse(StatusReport.objects.filter(published=True).exists())
        self.assertAccess(
            self.url, [self.anna, self.adam], [], method="post", data={"published": "1"}
        )

    def test_publish_and_unpublish(self):
        self.login(self.adam)
        self.client.post(self.url, {"published": "1"})
        report = StatusReport.objects.get(agreement=self.agreement)
        self.assertTrue(report.published)
        self.assertEqual(report.published_by, self.adam)
        self.client.logout()
        self.assertEqual(
            self.client.get(reverse("analysis:year_report", args=[2020])).status_code, 200
        )
        self.login(self.anna)
        self.client.post(self.url, {"published": "0"})
        self.client.logout()
        self.assertEqual(
            self.client.get(reverse("analysis:year_report", args=[2020])).status_code, 302
        )
        self.assertEqual(self.client.get(self.url).status_code, 302)
