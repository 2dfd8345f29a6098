from django.core import mail
from django.test import override_settings
from django.urls import reverse

from stimulans.jobs.models import Job
from stimulans.mail.models import MailStatus, OutgoingMail
from stimulans.reporting.models import Reminder
from stimulans.test import make_user
from stimulans.testing_smtp import free_port, smtp_server, smtp_settings

from .base import ReportingTestCase, make_report


class SendRemindersTest(ReportingTestCase):
    def setUp(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        self.url = reverse("reporting:send_reminders", args=[2020, self.mobila_municipality.pk])
        self.page = reverse("reporting:pot_completeness", args=[2020, self.mobila_municipality.pk])
        self.bob.email = "bob@botkyrka.example"
        self.bob.save()

    def post(self, organisations):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.url, {"organisation": [o.pk for o in organisations]})

    def test_only_those_who_have_not_submitted_are_reminded(self):
        self.login(self.adam)
        self.post([self.stockholm, self.botkyrka, self.uppsala])
        self.assertEqual([m.to for m in mail.outbox], [["bob@botkyrka.example"]])
        self.assertIn("Sista dag för redovisning är 2021-03-31", mail.outbox[0].body)
        self.assertEqual(
            set(Reminder.objects.values_list("organisation__code", flat=True)), {"0127"}
        )

    def test_unreachable_organisations_are_not_reported_as_reminded(self):
        """Uppsala's only user has no e-mail address: it is counted as not reached, not as
        reminded, and gets no Reminder."""
        self.login(self.adam)
        r = self.post([self.botkyrka, self.uppsala])
        page = self.client.get(r["Location"])
        self.assertContains(page, "Påminnelse till 1 organisation: 1 meddelande till 1 adress.")
        self.assertContains(
            page,
            "1 organisation kunde inte nås, eftersom ingen aktiv användare där har en "
            "e-postadress: Uppsala kommun.",
        )
        self.assertFalse(Reminder.objects.filter(organisation=self.uppsala).exists())

    def test_nobody_reachable_sends_nothing_and_says_so(self):
        self.bob.email = ""
        self.bob.save()
        self.login(self.adam)
        page = self.client.get(self.post([self.botkyrka, self.uppsala])["Location"])
        self.assertNotContains(page, "Påminnelse till")
        self.assertContains(page, "2 organisationer kunde inte nås")
        self.assertEqual(mail.outbox, [])
        self.assertFalse(Reminder.objects.exists())

    def test_inactive_users_and_users_without_an_address_are_not_reachable(self):
        self.bob.is_active = False
        self.bob.save()
        make_user("botkyrka2", "reporter", self.botkyrka)  # no address
        self.login(self.adam)
        page = self.client.get(self.post([self.botkyrka])["Location"])
        self.assertContains(page, "1 organisation kunde inte nås")
        self.assertEqual(mail.outbox, [])

    def test_one_message_per_address_through_a_real_smtp_server(self):
        other = make_user("botkyrka2", "reporter", self.botkyrka)
        other.email = "ekonomi@botkyrka.example"
        other.save()
        charlie = self.charlie
        charlie.email = "charlie@uppsala.example"
        charlie.save()
        self.login(self.adam)
        with smtp_server() as server, override_settings(**smtp_settings(server)):
            r = self.post([self.botkyrka, self.uppsala])
        received = sorted(server.messages, key=lambda m: m.recipients)
        self.assertEqual(
            [m.recipients for m in received],
            [["bob@botkyrka.example"], ["charlie@uppsala.example"], ["ekonomi@botkyrka.example"]],
        )
        first = received[0]
        self.assertEqual(first.subject, "Påminnelse: redovisning av stimulansmedel 2020")
        self.assertIn("Botkyrka kommun har ännu inte skickat in sin redovisning", first.body)
        self.assertIn("Sista dag för redovisning är 2021-03-31", first.body)
        self.assertIn("http://testserver/redovisning/", first.body)
        self.assertNotIn("0127", first.body)
        self.assertEqual(set(OutgoingMail.objects.values_list("status", flat=True)), {"sent"})
        job_page = self.client.get(r["Location"])
        self.assertContains(
            job_page, "Påminnelse till 2 organisationer: 3 meddelanden till 3 adresser."
        )
        self.assertContains(job_page, f'href="{self.page}"')
        page = self.client.get(self.page)
        self.assertContains(page, "skickad till 2 adresser")
        self.assertContains(page, "skickad till 1 adress")

    def test_a_refused_address_is_not_reported_as_sent(self):
        other = make_user("botkyrka2", "reporter", self.botkyrka)
        other.email = "ekonomi@botkyrka.example"
        other.save()
        self.login(self.adam)
        with (
            smtp_server(refuse={"bob@botkyrka.example"}) as server,
            override_settings(**smtp_settings(server)),
        ):
            r = self.post([self.botkyrka])
        self.assertEqual([m.recipients for m in server.messages], [["ekonomi@botkyrka.example"]])
        bob_mail = OutgoingMail.objects.get(to="bob@botkyrka.example")
        self.assertEqual(bob_mail.status, MailStatus.FAILED)
        self.assertIn("550", bob_mail.error)
        self.assertEqual(OutgoingMail.objects.get(to="ekonomi@botkyrka.example").status, "sent")
        self.assertContains(self.client.get(r["Location"]), "Påminnelse till 1 organisation")
        page = self.client.get(self.page)
        self.assertContains(page, "1 av 2 meddelanden kunde inte skickas")
        self.assertNotContains(page, "skickad till")

    def test_a_mail_server_that_cannot_be_reached_is_not_reported_as_sent(self):
        self.login(self.adam)
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=free_port(),  # nobody listens there
            EMAIL_TIMEOUT=5,
        ):
            r = self.post([self.botkyrka])
        self.assertEqual(OutgoingMail.objects.get().status, MailStatus.FAILED)
        self.assertTrue(r["Location"].startswith("/jobb/"))
        self.assertContains(self.client.get(self.page), "1 av 1 meddelande kunde inte skickas")

    def test_a_round_takes_as_many_statements_whatever_its_size(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from stimulans.reporting import services

        self.charlie.email = "charlie@uppsala.example"
        self.charlie.save()
        counts = []
        for orgs in ([self.botkyrka], [self.botkyrka, self.uppsala]):
            with CaptureQueriesContext(connection) as queries:
                services.send_reminders(self.mobila_municipality, orgs, self.adam)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(Reminder.objects.count(), 3)

    def test_no_organisation_chosen_starts_no_job(self):
        self.login(self.adam)
        r = self.post([])
        self.assertRedirects(r, self.page, fetch_redirect_response=False)
        self.assertContains(
            self.client.get(self.page),
            "Ingen påminnelse skickades: välj organisationer som saknas.",
        )
        self.assertFalse(Job.objects.exists())

    def test_the_round_is_a_job_of_its_sender(self):
        self.login(self.adam)
        r = self.post([self.botkyrka])
        job = Job.objects.get()
        self.assertRedirects(r, reverse("jobs:job", args=[job.pk]))
        self.assertEqual((job.kind, job.started_by, job.status), ("reminders", self.adam, "done"))
        self.assertEqual(job.title, f"Påminnelser: {self.mobila_municipality} 2020")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            refused=[self.alice, self.bob, self.cora, self.anna],
            method="post",
            data={"organisation": [self.botkyrka.pk]},
        )
        self.assertFalse(Reminder.objects.exists())
        self.assertEqual(mail.outbox, [])
