"""What sending reminders to a few hundred addresses costs the request, on demand (not in
`make test`).

    .venv/bin/python benchmarks/reminders.py --runs 5 --delay 0.01

Builds a fresh SQLite database in a temporary directory (reference data, the 2020 agreement, one
reporter with an e-mail address per municipality: 290 recipients by default), starts a slow SMTP
server on loopback (aiosmtpd, `--delay` seconds per message) and, through Django's test client
(whole middleware stack, no server), posts the national administrator's "send reminders to all
missing" for the municipalities' pot:

- with the product's setting, MAIL_DELIVERY=thread: the request stores the messages in the
  outbox and a background thread sends them after the response;
- the baseline, MAIL_DELIVERY=inline: the same request sends every message before it answers,
  as the reminders were sent before the outbox.

It reports the median request time of each, their ratio, and how long the thread took to send
everything (waited for after each request, so runs do not overlap), and checks that the server
received every message.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(directory, per_organisation):
    os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'reminders.sqlite3'}"
    os.environ["SESSION_CACHE_DIR"] = str(directory / "sessions")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from stimulans.accounts.models import Role, User
    from stimulans.funds.models import Pot
    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.models import Organisation, OrganisationKind
    from stimulans.organisations.reference import load_organisations

    call_command("migrate", verbosity=0)
    load_organisations()
    agreement = load_agreement_2020()
    municipalities = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
    User.objects.bulk_create(
        [
            User(
                username=f"r{org.code}-{i}",
                email=f"r{org.code}-{i}@kommun.example",
                role=Role.REPORTER,
                organisation=org,
            )
            for org in municipalities
            for i in range(per_organisation)
        ]
    )
    admin = User.objects.create(username="admin", role=Role.NATIONAL_ADMIN)
    pot = Pot.objects.filter(
        part__agreement=agreement, recipient_kind=OrganisationKind.MUNICIPALITY
    ).first()
    return admin, pot, list(municipalities.values_list("pk", flat=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.01, help="seconds per message")
    parser.add_argument("--per-organisation", type=int, default=1, help="users per municipality")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        admin, pot, organisations = setup(Path(tmp), args.per_organisation)
        from django.test import Client, override_settings
        from django.urls import reverse

        from stimulans.mail import outbox
        from stimulans.mail.models import OutgoingMail
        from stimulans.testing_smtp import smtp_server, smtp_settings

        url = reverse("reporting:send_reminders", args=[pot.part.agreement.year, pot.pk])
        client = Client()
        client.force_login(admin)
        recipients = len(organisations) * args.per_organisation
        print(
            f"{recipients} recipients in {len(organisations)} organisations, "
            f"SMTP server {args.delay * 1000:.0f} ms per message, {args.runs} runs each"
        )
        times = {"thread": [], "inline": []}
        drain = []
        with smtp_server(delay=args.delay) as server:
            expected = 0
            for _run in range(args.runs):
                for mode in ("thread", "inline"):
                    with override_settings(MAIL_DELIVERY=mode, **smtp_settings(server)):
                        start = time.perf_counter()
                        response = client.post(url, {"organisation": organisations})
                        times[mode].append(time.perf_counter() - start)
                        assert response.status_code == 302, response.status_code
                        outbox.wait_for_delivery()
                        if mode == "thread":
                            drain.append(time.perf_counter() - start)
                    expected += recipients
                    assert len(server.messages) == expected, (len(server.messages), expected)
            unsent = OutgoingMail.objects.exclude(status="sent").count()
        thread = statistics.median(times["thread"]) * 1000
        inline = statistics.median(times["inline"]) * 1000
        print(f"request, sent after the response (thread): median {thread:8.1f} ms")
        print(f"request, sent before answering (inline):   median {inline:8.1f} ms (baseline)")
        print(f"ratio thread / inline: {thread / inline:.3f}")
        print(
            f"the thread had sent all {recipients} messages after a median of "
            f"{statistics.median(drain) * 1000:.0f} ms; messages not sent: {unsent}"
        )


if __name__ == "__main__":
    main()
