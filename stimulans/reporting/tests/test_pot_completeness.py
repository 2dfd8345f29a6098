from django.urls import reverse
from django.utils import timezone

from stimulans.reporting.models import Reminder

from .base import ReportingTestCase, make_report


class PotCompletenessTest(ReportingTestCase):
    def setUp(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:pot_completeness", args=[2020, self.mobila_municipality.pk])

    def test_the_administrator_can_remind_the_missing(self):
        self.bob.email = "bob@botkyrka.example"
        self.bob.save()
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, f'name="organisation" value="{self.botkyrka.pk}"')
        self.assertNotContains(page, f'name="organisation" value="{self.stockholm.pk}"')
        self.login(self.anna)
        self.assertNotContains(self.client.get(self.url), 'name="organisation"')

    def test_it_shows_who_gets_the_reminder_and_who_cannot_be_reached(self):
        self.bob.email = "bob@botkyrka.example"
        self.bob.save()
        self.login(self.adam)
        page = self.client.get(self.url)
        self.assertContains(page, "<td>bob@botkyrka.example</td>", html=True)
        self.assertContains(page, "1 organisation kan nås.")
        # Uppsala's only user has no address: marked, and there is nothing to tick.
        self.assertContains(page, "Kan inte nås")
        self.assertNotContains(page, f'name="organisation" value="{self.uppsala.pk}"')
        self.login(self.anna)
        self.assertNotContains(self.client.get(self.url), "bob@botkyrka.example")

    def test_the_last_reminder_shows_what_became_of_it(self):
        self.bob.email = "bob@botkyrka.example"
        self.bob.save()
        self.login(self.adam)
        send = reverse("reporting:send_reminders", args=[2020, self.mobila_municipality.pk])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(send, {"organisation": [self.botkyrka.pk]})
        reminder = Reminder.objects.get()
        page = self.client.get(self.url)
        sent_at = timezone.localtime(reminder.sent_at).strftime("%Y-%m-%d %H:%M")
        self.assertContains(page, f"{sent_at}: skickad till 1 adress")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url, allowed=[self.anna, self.adam], refused=[self.alice, self.cora], ok=200
        )
