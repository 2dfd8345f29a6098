import io

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from rest_framework.authtoken.models import Token

from .base import ApiTestCase


class CreateTokenCommandTest(ApiTestCase):
    def run_command(self, *args):
        out = io.StringIO()
        call_command("create_token", *args, stdout=out)
        return out.getvalue().strip()

    def test_it_creates_shows_and_resets_a_token(self):
        key = self.run_command("alice")
        self.assertEqual(Token.objects.get(user=self.alice).key, key)
        self.assertEqual(self.run_command("alice"), key)
        new = self.run_command("alice", "--reset")
        self.assertNotEqual(new, key)
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {new}")
        self.assertEqual(self.client.get(reverse("api:allocation-list")).status_code, 200)
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        self.assertEqual(self.client.get(reverse("api:allocation-list")).status_code, 401)

    def test_unknown_or_inactive_users_exit_with_status_2(self):
        with self.assertRaises(CommandError) as ctx:
            self.run_command("nobody")
        self.assertEqual(ctx.exception.returncode, 2)
        self.bob.is_active = False
        self.bob.save()
        with self.assertRaises(CommandError) as ctx:
            self.run_command("bob")
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertFalse(Token.objects.filter(user=self.bob).exists())

    def test_it_checks_ownership(self):
        # A token acts as its user: alice's token reads alice's organisation only.
        key = self.run_command("alice")
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        codes = {
            a["organisation"]["code"]
            for a in self.client.get(reverse("api:allocation-list")).data["results"]
        }
        self.assertEqual(codes, {"0180"})
