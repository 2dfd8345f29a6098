"""The outbox: mail is stored with the transaction, sent after it commits, and not lost when the
process stops before sending."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from stimulans.mail import outbox
from stimulans.mail.models import MailStatus, OutgoingMail
from stimulans.testing_smtp import smtp_server, smtp_settings


class OutboxTest(TestCase):
    def test_mail_is_sent_only_after_the_transaction_commits(self):
        with self.captureOnCommitCallbacks(execute=True):
            with transaction.atomic():
                outbox.queue([("a@example.org", "Ämne", "Text")])
                self.assertEqual(mail.outbox, [])
        self.assertEqual([m.to for m in mail.outbox], [["a@example.org"]])
        self.assertEqual(OutgoingMail.objects.get().status, MailStatus.SENT)

    def test_a_rolled_back_transaction_sends_nothing(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            try:
                with transaction.atomic():
                    outbox.queue([("a@example.org", "Ämne", "Text")])
                    raise RuntimeError
            except RuntimeError:
                pass
        self.assertEqual(callbacks, [])
        self.assertFalse(OutgoingMail.objects.exists())
        self.assertEqual(mail.outbox, [])

    @override_settings(MAIL_DELIVERY="command")
    def test_send_mail_sends_what_a_stopped_process_left(self):
        """Pending mail (its process stopped before its thread ran) and mail left half-sent
        long ago are sent by `stimulans send-mail`; mail another sender is sending now is not."""
        with self.captureOnCommitCallbacks(execute=True):
            outbox.queue([("pending@example.org", "Ämne", "Text")])
        self.assertEqual(mail.outbox, [])  # the command mode sends nothing by itself
        long_ago = timezone.now() - datetime.timedelta(hours=1)
        OutgoingMail.objects.create(
            to="stale@example.org",
            subject="Ämne",
            body="Text",
            status="sending",
            claimed_at=long_ago,
            attempts=1,
        )
        OutgoingMail.objects.create(
            to="busy@example.org",
            subject="Ämne",
            body="Text",
            status="sending",
            claimed_at=timezone.now(),
            attempts=1,
        )
        OutgoingMail.objects.create(to="done@example.org", subject="Ämne", body="T", status="sent")
        call_command("send_mail", stdout=io.StringIO())
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox), ["pending@example.org", "stale@example.org"]
        )
        self.assertEqual(
            dict(OutgoingMail.objects.values_list("to", "status")),
            {
                "pending@example.org": "sent",
                "stale@example.org": "sent",
                "busy@example.org": "sending",
                "done@example.org": "sent",
            },
        )
        self.assertEqual(OutgoingMail.objects.get(to="stale@example.org").attempts, 2)

    def test_a_second_delivery_sends_nothing_twice(self):
        with self.captureOnCommitCallbacks(execute=True):
            outbox.queue([("a@example.org", "Ämne", "Text"), ("b@example.org", "Ämne", "Text")])
        self.assertEqual(outbox.deliver(), (0, 0))
        self.assertEqual(len(mail.outbox), 2)


class OutboxThreadTest(TransactionTestCase):
    """The default mode: a background thread sends through a real (slow) SMTP server while
    the caller goes on."""

    def test_a_thread_sends_after_commit(self):
        with (
            smtp_server(delay=0.2) as server,
            override_settings(MAIL_DELIVERY="thread", **smtp_settings(server)),
        ):
            with transaction.atomic():
                outbox.queue([(f"user{i}@example.org", "Påminnelse", "Hej!") for i in range(3)])
            # The three messages take 0.6 s at the server; the caller has not waited for them.
            self.assertLess(len(server.messages), 3)
            outbox.wait_for_delivery(timeout=30)
            self.assertEqual(len(server.messages), 3)
        self.assertEqual(list(OutgoingMail.objects.values_list("status", flat=True)), ["sent"] * 3)
        self.assertEqual(server.messages[0].body.strip(), "Hej!")
