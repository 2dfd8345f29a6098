from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stimulans.accounts.models import Invitation, Role
from stimulans.mail.models import OutgoingMail
from stimulans.test import BaseTestCase

HEADER = "email,name,role,org_kind,org_code\n"


class ImportUsersTestCase(BaseTestCase):
    def run_file(self, tmp_text, *args):
        import tempfile

        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
            f.write(tmp_text)
        out = StringIO()
        call_command("import_users", f.name, *args, stdout=out)
        return out.getvalue()

    def test_it_invites_every_row_and_mails_them(self):
        out = self.run_file(
            HEADER
            + "a@sthlm.se,Anna A,reporter,municipality,0180\n"
            + "b@region.se,Bo B,county_coordinator,region,01\n"
            + "c@myndighet.se,Cecilia,analyst,,\n"
        )
        self.assertIn("3 inbjudningar", out)
        inv = Invitation.objects.get(email="b@region.se")
        self.assertEqual(
            (inv.role, inv.organisation, inv.name),
            (Role.COUNTY_COORDINATOR, self.region_stockholm, "Bo B"),
        )
        self.assertEqual(OutgoingMail.objects.count(), 3)

    def test_lead_analyst_is_an_analyst_with_the_flag(self):
        out = self.run_file(
            HEADER + "lea@myndighet.se,Lea L,lead_analyst,,\n" + "c@myndighet.se,C,analyst,,\n"
        )
        self.assertIn("2 inbjudningar", out)
        self.assertEqual(
            set(Invitation.objects.values_list("email", "role", "is_lead_analyst")),
            {("lea@myndighet.se", Role.ANALYST, True), ("c@myndighet.se", Role.ANALYST, False)},
        )

    def test_bad_lead_analyst_rows_are_named(self):
        text = (
            HEADER
            + "a@x.se,A,lead_analyst,municipality,0180\n"
            + "b@x.se,B,lead-analyst,,\n"
            + "c@x.se,C,Lead_analyst,,\n"
            + "d@x.se,D,lead_analyst,,\n"
        )
        with pytest.raises(CommandError) as caught:
            self.run_file(text)
        self.assertEqual(caught.value.returncode, 2)
        message = str(caught.value)
        self.assertIn("Rad 2: Rollen Analytiker hör inte till någon organisation.", message)
        self.assertIn("Rad 3: okänd roll ”lead-analyst” (", message)
        self.assertIn("lead_analyst", message.split("Rad 3:")[1].split("\n")[0])
        self.assertIn("Rad 4: okänd roll ”Lead_analyst”", message)
        self.assertNotIn("Rad 5:", message)
        self.assertFalse(Invitation.objects.exists())
        self.assertFalse(OutgoingMail.objects.exists())

    def test_no_mail_prints_the_links(self):
        out = self.run_file(HEADER + "a@sthlm.se,Anna A,reporter,municipality,0180\n", "--no-mail")
        self.assertIn("a@sthlm.se\thttp://localhost:8000/konto/inbjudan/", out)
        self.assertFalse(OutgoingMail.objects.exists())

    def test_bad_rows_are_all_listed_and_nothing_is_created(self):
        self.alice.email = "alice@sthlm.se"
        self.alice.save()
        text = (
            HEADER
            + "a@sthlm.se,A,reporter,municipality,0180\n"
            + "inte-en-adress,B,reporter,municipality,0180\n"
            + "c@x.se,C,chef,municipality,0180\n"
            + "d@x.se,D,reporter,municipality,9999\n"
            + "e@x.se,E,analyst,municipality,0180\n"
            + "a@sthlm.se,A,reporter,municipality,0180\n"
            + "alice@sthlm.se,Alice,reporter,municipality,0180\n"
            + "f@x.se,F,reporter,,\n"
        )
        with pytest.raises(CommandError) as caught:
            self.run_file(text)
        self.assertEqual(caught.value.returncode, 2)
        message = str(caught.value)
        for row in range(3, 10):
            self.assertIn(f"Rad {row}:", message)
        self.assertNotIn("Rad 2:", message)
        self.assertFalse(Invitation.objects.exists())
        self.assertFalse(OutgoingMail.objects.exists())

    def test_the_columns_are_exact(self):
        with pytest.raises(CommandError, match="exakt email,name,role,org_kind,org_code"):
            self.run_file("email,name,role\na@b.se,A,analyst\n")


class CreateAdminTestCase(BaseTestCase):
    def test_it_prints_an_invitation_for_a_national_administrator(self):
        out = StringIO()
        call_command("create_admin", "chef@myndighet.se", stdout=out)
        path = out.getvalue().strip().split("http://localhost:8000")[1]
        r = self.client.post(
            path,
            {
                "first_name": "C",
                "last_name": "H",
                "password1": "en-lång-fras-42",
                "password2": "en-lång-fras-42",
            },
        )
        self.assertRedirects(r, "/")
        user = Invitation.objects.get().user
        self.assertEqual(user.role, Role.NATIONAL_ADMIN)
        self.assertTrue(user.is_superuser)
        self.assertFalse(OutgoingMail.objects.exists())
        with pytest.raises(CommandError):
            call_command("create_admin", "chef@myndighet.se", stdout=out)
