from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.accounts.user_import import UserImportError, import_users
from stimulans.lib.inputfiles import read_import_file


class Command(BaseCommand):
    help = (
        "Invite users from a CSV file (email,name,role,org_kind,org_code; role lead_analyst: an "
        "analyst who leads the coding). All-or-nothing: every bad row is listed and nothing is "
        "sent. --no-mail prints the invitation links instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--no-mail", action="store_true", help="print the links, send no mail")

    def handle(self, *args, **options):
        data = read_import_file(options["file"])
        send = not options["no_mail"]
        try:
            links = import_users(data, base_url=settings.SITE_URL, send=send)
        except UserImportError as exc:
            raise CommandError(
                "\n".join([_("Inget importerades:"), *exc.errors]), returncode=2
            ) from exc
        for email, url in links:
            self.stdout.write(f"{email}\t{url}" if not send else email)
        self.stdout.write(_("%(n)d inbjudningar skapade.") % {"n": len(links)})
