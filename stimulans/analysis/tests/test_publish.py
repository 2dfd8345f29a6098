from django.urls import reverse

from ..models import StatusReport
from .helpers import PageTestCase


class PublishTest(PageTestCase):
    url = reverse("analysis:publish", args=[2020])
    confirmed = {"published": "1", "confirmed": "1"}

    def test_it_checks_ownership(self):
        # Refused before the confirmation page too.
        self.assertAccess(
            self.url, [], [self.alice, self.cora, None], method="post", data={"published": "1"}
        )
        self.assertAccess(
            self.url, [], [self.alice, self.cora, None], method="post", data=self.confirmed
        )
        self.assertFalse(StatusReport.objects.filter(published=True).exists())
        self.assertAccess(self.url, [self.anna, self.adam], [], method="post", data=self.confirmed)

    def test_publishing_asks_first_and_changes_nothing_until_confirmed(self):
        self.login(self.anna)
        page = self.client.post(self.url, {"published": "1"})
        self.assertContains(page, "Publicera lägesrapporten 2020?")
        self.assertContains(page, "blir öppen för alla, även utan inloggning")
        self.assertContains(page, "förväntade redovisningar är inskickade eller godkända")
        self.assertContains(page, '<input type="hidden" name="published" value="1">', html=True)
        self.assertContains(page, '<input type="hidden" name="confirmed" value="1">', html=True)
        self.assertFalse(StatusReport.objects.filter(published=True).exists())
        self.client.post(self.url, self.confirmed)
        self.assertTrue(StatusReport.objects.get(agreement=self.agreement).published)

    def test_publish_and_unpublish(self):
        self.login(self.adam)
        self.client.post(self.url, self.confirmed)
        report = StatusReport.objects.get(agreement=self.agreement)
        self.assertTrue(report.published)
        self.assertEqual(report.published_by, self.adam)
        self.client.logout()
        self.assertEqual(
            self.client.get(reverse("analysis:year_report", args=[2020])).status_code, 200
        )
        self.login(self.anna)
        self.client.post(self.url, {"published": "0"})  # unpublishing needs no confirmation
        self.client.logout()
        self.assertEqual(
            self.client.get(reverse("analysis:year_report", args=[2020])).status_code, 302
        )
        self.assertEqual(self.client.get(self.url).status_code, 302)
