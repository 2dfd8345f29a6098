"""E-mail sent after the response, without losing it: a persisted outbox.

`queue()` stores each message as an `OutgoingMail` row in the caller's transaction and, once
that transaction commits, hands the new rows to a sender (`transaction.on_commit`). Which
sender is `settings.MAIL_DELIVERY`:

- ``"thread"`` (the default): a background thread of the same process sends them, so the request
  that queued a few hundred reminders does not wait for the mail server;
- ``"inline"``: the on-commit callback sends them in the calling thread (tests, scripts);
- ``"command"``: nothing is sent until `stimulans send-mail` runs (from cron or a timer).

The row is the record whatever the mode: pending until a sender claims it (sending), then sent,
or failed with the mail server's answer in `error`. A failure is never counted as sent.

If the process stops before its thread is done, the rows stay pending (or sending): the next
`stimulans send-mail` sends every pending row and takes back rows left sending for longer than
`MAIL_CLAIM_TIMEOUT` seconds, so no mail is lost; a message whose server accepted it just
before the process stopped may then arrive twice. Run `stimulans send-mail` now and then (e.g.
every few minutes) where mail matters.
"""

import logging
import smtplib
import threading
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import MailStatus, OutgoingMail

log = logging.getLogger(__name__)

_threads: set[threading.Thread] = set()
_threads_lock = threading.Lock()


def queue(messages, from_email=None):
    """Store [(address, subject, body)] as pending mail; they are sent after the current
    transaction commits. Returns the new rows."""
    sender = from_email or settings.DEFAULT_FROM_EMAIL
    rows = OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(to=to, subject=subject, body=body, from_email=sender)
            for to, subject, body in messages
        ]
    )
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: start_delivery(ids))
    return rows


def start_delivery(ids=None):
    """Send the pending mail `ids` (every pending mail if None) as `MAIL_DELIVERY` says.
    Returns the thread in "thread" mode, else None."""
    mode = getattr(settings, "MAIL_DELIVERY", "thread")
    if mode == "inline":
        deliver(ids)
    elif mode == "thread":
        thread = threading.Thread(target=_deliver_in_thread, args=(ids,), daemon=True)
        with _threads_lock:
            _threads.add(thread)
        thread.start()
        return thread
    return None


def _deliver_in_thread(ids):
    try:
        deliver(ids)
    except Exception:  # a thread has nobody to report to but the log; the rows say the rest
        log.exception("Sending the outbox failed")
    finally:
        connections.close_all()  # this thread's own database connections
        with _threads_lock:
            _threads.discard(threading.current_thread())


def wait_for_delivery(timeout=None):
    """Wait for the sending threads of this process (tests, benchmarks, an orderly stop)."""
    with _threads_lock:
        threads = list(_threads)
    for thread in threads:
        thread.join(timeout)


def _claimable():
    stale = timezone.now() - timedelta(seconds=getattr(settings, "MAIL_CLAIM_TIMEOUT", 900))
    return Q(status=MailStatus.PENDING) | Q(status=MailStatus.SENDING, claimed_at__lt=stale)


def _describe(exc):
    return f"{type(exc).__name__}: {exc}"[:1000]


def deliver(ids=None):
    """Send the claimable mail (of `ids`, if given) over one connection to the mail server.
    Each row is claimed first, so two senders never send the same row. Returns (sent, failed)."""
    pending = OutgoingMail.objects.filter(_claimable())
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    sent = failed = 0
    connection = get_connection(fail_silently=False)
    try:
        for pk in list(pending.order_by("pk").values_list("pk", flat=True)):
            claimed = OutgoingMail.objects.filter(_claimable(), pk=pk).update(
                status=MailStatus.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
            )
            if not claimed:
                continue  # another sender has it
            mail = OutgoingMail.objects.get(pk=pk)
            message = EmailMessage(
                mail.subject, mail.body, mail.from_email or None, [mail.to], connection=connection
            )
            try:
                connection.open()  # no-op while the connection is open
                accepted = connection.send_messages([message])
                if not accepted:
                    raise smtplib.SMTPException("the mail server accepted no recipient")
            except (smtplib.SMTPException, OSError) as exc:
                connection.close()  # the next message opens a fresh connection
                OutgoingMail.objects.filter(pk=pk).update(
                    status=MailStatus.FAILED, error=_describe(exc)
                )
                failed += 1
            else:
                OutgoingMail.objects.filter(pk=pk).update(
                    status=MailStatus.SENT, sent_at=timezone.now(), error=""
                )
                sent += 1
    finally:
        connection.close()
    return sent, failed
