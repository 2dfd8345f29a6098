from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.accounts import invitations
from stimulans.accounts.models import Role


class Command(BaseCommand):
    help = (
        "Invite a national administrator (the first one of a new deployment) and print the "
        "link; the administrator chooses name and password there. --mail also mails the link."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="")
        parser.add_argument("--mail", action="store_true", help="also send the link by e-mail")

    def handle(self, *args, **options):
        try:
            _inv, url = invitations.invite(
                None,
                options["email"],
                Role.NATIONAL_ADMIN,
                None,
                options["name"],
                base_url=settings.SITE_URL,
                send=options["mail"],
            )
        except invitations.InvitationError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(_("Öppna länken för att välja lösenord: %(url)s") % {"url": url})
