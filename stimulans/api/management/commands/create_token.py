from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from stimulans.accounts.models import User


class Command(BaseCommand):
    help = (
        "Create (or show) the API token of a user; --reset replaces it. The token goes in the "
        "header `Authorization: Token <key>`."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="Replace an existing token.")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(
                _("Användaren ”%(name)s” finns inte.") % {"name": options["username"]},
                returncode=2,
            )
        if not user.is_active:
            raise CommandError(
                _("Användaren ”%(name)s” är inte aktiv.") % {"name": user.username}, returncode=2
            )
        if options["reset"]:
            Token.objects.filter(user=user).delete()
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
