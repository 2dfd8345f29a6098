from django.core import mail
from django.urls import reverse

from stimulans.reporting.models import Reminder

from .base import ReportingTestCase, make_report


class SendRemindersTest(ReportingTestCase):
    def setUp(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:send_reminders", args=[2020, self.mobila_municipality.pk])
        self.bob.email = "bob@botkyrka.example"
        self.bob.save()

    def test_only_those_who_have_not_submitted_are_reminded(self):
        self.login(self.adam)
        orgs = [self.stockholm.pk, self.botkyrka.pk, self.uppsala.pk]
        self.client.post(self.url, {"organisation": orgs})
        self.assertEqual([m.to for m in mail.outbox], [["bob@botkyrka.example"]])
        self.assertIn("Sista dag för redovisning är 2021-03-31", mail.outbox[0].body)
        self.assertEqual(
            set(Reminder.objects.values_list("organisation__code", flat=True)), {"0127", "0380"}
        )

    def test_it_checks_ownership(self):
        for user in (self.alice, self.bob, self.cora, self.anna):
            self.login(user)
            self.assertRefused(self.client.post(self.url, {"organisation": [self.botkyrka.pk]}))
        self.client.logout()
        self.assertRefused(self.client.post(self.url, {"organisation": [self.botkyrka.pk]}))
        self.assertFalse(Reminder.objects.exists())
        self.assertEqual(mail.outbox, [])
