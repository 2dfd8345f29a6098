from django.core.management.base import BaseCommand

from stimulans.mail.outbox import deliver


class Command(BaseCommand):
    help = (
        "Send the e-mail waiting in the outbox: every pending message, and those a stopped "
        "process left half-sent (older than MAIL_CLAIM_TIMEOUT seconds)."
    )

    def handle(self, *args, **options):
        sent, failed = deliver()
        self.stdout.write(f"Skickade: {sent}. Misslyckade: {failed}.")
