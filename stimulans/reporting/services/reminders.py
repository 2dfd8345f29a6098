"""Reminders to the organisations that have not reported, through the outbox."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from stimulans.accounts.models import User
from stimulans.mail import outbox

from ..models import (
    Reminder,
    Report,
)
from .reading import deadline_for, deadline_text


def reminder_recipients(organisations):
    """{organisation id: [addresses]}: where a reminder to each organisation goes, the e-mail
    addresses of its active users, sorted, each once. Inactive users and users without an
    address cannot be reached; an organisation with none gets an empty list."""
    ids = [getattr(org, "pk", org) for org in organisations]
    result = {pk: [] for pk in ids}
    seen = set()
    users = (
        User.objects.filter(organisation_id__in=ids, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("organisation_id", "email")
    )
    for org_id, email in users:
        email = email.strip()
        if email and (org_id, email.lower()) not in seen:
            seen.add((org_id, email.lower()))
            result[org_id].append(email)
    return result


@dataclass
class ReminderRound:
    """What one round of reminders did: the organisations reminded and not reachable, and the
    messages queued (one per organisation and address)."""

    reminded: list = field(default_factory=list)
    unreachable: list = field(default_factory=list)
    messages: int = 0
    addresses: int = 0


def reminder_text(pot, organisation, link=""):
    """(subject, body) of a reminder, in Swedish whatever the sender's language."""
    with translation.override("sv"):
        subject = _("Påminnelse: redovisning av stimulansmedel %(year)s") % {
            "year": pot.agreement.year
        }
        body = _(
            "Hej!\n\n%(org)s har ännu inte skickat in sin redovisning för ”%(pot)s”. "
            "Sista dag för redovisning är %(deadline)s.\n\nLogga in i Stimulans och "
            "välj Mina redovisningar.\n"
        ) % {
            "org": organisation.name,
            "pot": pot,
            "deadline": deadline_text(deadline_for(pot)) or _("inte fastställd"),
        }
        if link:
            body += "\n" + link + "\n"
    return subject, body


@transaction.atomic
def send_reminders(pot, organisations, user, link=""):
    """Remind each organisation that has not submitted its report for the pot: one e-mail per
    address of its reachable users (`reminder_recipients`), queued in the outbox and sent after
    the transaction commits (`stimulans.mail.outbox`), and a Reminder recording them.
    Organisations with no reachable user get no Reminder and are listed as unreachable.
    `link` (the address of the reporter's page) ends the message. Returns a ReminderRound."""
    done = set(Report.objects.filter(pot=pot).counted().values_list("organisation_id", flat=True))
    organisations = [org for org in organisations if org.pk not in done]
    recipients = reminder_recipients(organisations)
    result = ReminderRound()
    messages, reminders = [], []
    for org in organisations:
        to = recipients[org.pk]
        if not to:
            result.unreachable.append(org)
            continue
        subject, body = reminder_text(pot, org, link)
        messages.extend((address, subject, body) for address in to)
        reminders.append(
            Reminder(pot=pot, organisation=org, sent_by=user, recipients=", ".join(to))
        )
        result.reminded.append(org)
    # A few statements for the whole round, whatever the number of organisations.
    mails = iter(outbox.queue(messages))
    reminders = Reminder.objects.bulk_create(reminders)
    Reminder.mails.through.objects.bulk_create(
        Reminder.mails.through(reminder_id=reminder.pk, outgoingmail_id=next(mails).pk)
        for reminder in reminders
        for _address in recipients[reminder.organisation_id]
    )
    result.messages = len(messages)
    addresses = {address.lower() for address, _subject, _body in messages}
    result.addresses = len(addresses)
    return result
