import re
from datetime import timedelta

from django.utils import timezone

from stimulans.accounts import invitations
from stimulans.accounts.invitations import InvitationError
from stimulans.accounts.models import AuditEvent, AuditKind, Invitation, InvitationStatus, Role
from stimulans.mail.models import OutgoingMail
from stimulans.test import BaseTestCase

URL = "/konto/inbjudningar/"
BASE = "http://testserver/"


def link_in_mail(to):
    body = OutgoingMail.objects.filter(to=to).latest("pk").body
    return re.search(r"http://testserver(/konto/inbjudan/[^/\s]+/)", body).group(1)


class InvitationListTestCase(BaseTestCase):
    def test_access(self):
        self.assertAccess(
            URL, allowed=(self.alice, self.cora, self.adam), refused=(self.anna,), ok=200
        )

    def test_who_may_invite_whom(self):
        may = invitations.may_invite
        self.assertTrue(may(self.adam, Role.COUNTY_COORDINATOR, self.county_stockholm))
        self.assertTrue(may(self.adam, Role.ANALYST, None))
        self.assertFalse(may(self.adam, Role.REPORTER, self.stockholm))
        self.assertTrue(may(self.cora, Role.REPORTER, self.botkyrka))
        self.assertFalse(may(self.cora, Role.REPORTER, self.uppsala))  # another county
        self.assertFalse(may(self.cora, Role.COUNTY_COORDINATOR, self.stockholm))
        self.assertFalse(may(self.alice, Role.REPORTER, self.stockholm))
        self.assertFalse(may(self.anna, Role.ANALYST, None))
        self.assertTrue(may(None, Role.NATIONAL_ADMIN, None))  # the command line

    def test_a_coordinator_invites_a_reporter_by_mail(self):
        self.login(self.cora)
        r = self.client.post(
            URL,
            {
                "email": "ny@botkyrka.se",
                "name": "Ny",
                "role": "reporter",
                "organisation": self.botkyrka.pk,
            },
        )
        self.assertRedirects(r, URL)
        inv = Invitation.objects.get(email="ny@botkyrka.se")
        self.assertEqual(
            (inv.role, inv.organisation, inv.invited_by), ("reporter", self.botkyrka, self.cora)
        )
        self.assertEqual(inv.status, InvitationStatus.SENT)
        mail = OutgoingMail.objects.get(to="ny@botkyrka.se")
        self.assertIn("Botkyrka", mail.body)
        self.assertNotIn(link_in_mail("ny@botkyrka.se").split("/")[-2], inv.token_hash)
        self.assertTrue(
            AuditEvent.objects.filter(
                kind=AuditKind.INVITED, username="ny@botkyrka.se", actor=self.cora
            ).exists()
        )
        self.assertContains(self.client.get(URL), "ny@botkyrka.se")

    def test_a_coordinator_cannot_invite_outside_its_county(self):
        self.login(self.cora)
        r = self.client.post(
            URL, {"email": "x@uppsala.se", "role": "reporter", "organisation": self.uppsala.pk}
        )
        self.assertEqual(r.status_code, 200)  # Uppsala is not among the choices
        self.assertFalse(Invitation.objects.exists())
        self.assertFalse(OutgoingMail.objects.exists())

    def test_an_admin_cannot_invite_a_reporter(self):
        self.login(self.adam)
        r = self.client.post(
            URL, {"email": "x@sthlm.se", "role": "reporter", "organisation": self.stockholm.pk}
        )
        self.assertEqual(r.status_code, 200)
        self.assertFalse(Invitation.objects.exists())

    def test_an_analyst_needs_no_organisation(self):
        self.login(self.adam)
        r = self.client.post(
            URL, {"email": "x@org.se", "role": "analyst", "organisation": self.stockholm.pk}
        )
        self.assertContains(r, "hör inte till någon organisation")
        r = self.client.post(URL, {"email": "x@org.se", "role": "analyst"})
        self.assertRedirects(r, URL)

    def test_an_admin_invites_a_lead_analyst(self):
        self.login(self.adam)
        self.assertContains(self.client.get(URL), "Huvudanalytiker")
        r = self.client.post(URL, {"email": "lea@myndighet.se", "role": "analyst", "lead": "on"})
        self.assertRedirects(r, URL)
        inv = Invitation.objects.get(email="lea@myndighet.se")
        self.assertEqual((inv.role, inv.is_lead_analyst), (Role.ANALYST, True))
        self.assertIn("som huvudanalytiker", OutgoingMail.objects.get(to="lea@myndighet.se").body)
        event = AuditEvent.objects.get(kind=AuditKind.INVITED, username="lea@myndighet.se")
        self.assertEqual(event.detail, "Huvudanalytiker")
        self.assertContains(self.client.get(URL), "Huvudanalytiker")

    def test_only_an_analyst_can_be_invited_as_lead_analyst(self):
        self.login(self.adam)
        r = self.client.post(
            URL,
            {
                "email": "k@region.se",
                "role": "county_coordinator",
                "organisation": self.county_stockholm.pk,
                "lead": "on",
            },
        )
        self.assertContains(r, "Bara analytiker kan vara huvudanalytiker.")
        self.assertFalse(Invitation.objects.filter(email="k@region.se").exists())
        with self.assertRaisesMessage(InvitationError, "Bara analytiker"):
            invitations.invite(
                None, "r@x.se", Role.REPORTER, self.stockholm, base_url=BASE, lead=True
            )

    def test_only_national_administrators_are_offered_the_lead_analyst_box(self):
        self.login(self.cora)
        self.assertNotContains(self.client.get(URL), "Huvudanalytiker")
        r = self.client.post(
            URL,
            {
                "email": "ny@botkyrka.se",
                "role": "reporter",
                "organisation": self.botkyrka.pk,
                "lead": "on",
            },
        )
        self.assertRedirects(r, URL)  # the box is not there: ignored
        self.assertFalse(Invitation.objects.get(email="ny@botkyrka.se").is_lead_analyst)

    def test_an_existing_address_is_refused(self):
        self.alice.email = "alice@sthlm.se"
        self.alice.save()
        with self.assertRaisesMessage(InvitationError, "har redan ett konto"):
            invitations.invite(
                self.cora, "Alice@sthlm.se", Role.REPORTER, self.stockholm, base_url=BASE
            )

    def test_a_reporter_asks_for_a_colleague_and_the_coordinator_approves(self):
        self.cora.email = "cora@lst.se"
        self.cora.save()
        self.login(self.alice)
        r = self.client.post(URL, {"email": "kollega@sthlm.se", "name": "K"})
        self.assertRedirects(r, URL)
        inv = Invitation.objects.get()
        self.assertEqual(
            (inv.status, inv.organisation, inv.requested_by),
            (InvitationStatus.REQUESTED, self.stockholm, self.alice),
        )
        self.assertIn("kollega@sthlm.se", OutgoingMail.objects.get(to="cora@lst.se").body)
        self.assertFalse(OutgoingMail.objects.filter(to="kollega@sthlm.se").exists())
        approve = f"{URL}{inv.pk}/godkann/"
        self.assertAccess(approve, refused=(self.alice, self.otto, self.anna), method="post")
        self.login(self.cora)
        self.assertRedirects(self.client.post(approve), URL)
        inv.refresh_from_db()
        self.assertEqual((inv.status, inv.invited_by), (InvitationStatus.SENT, self.cora))
        self.assertTrue(OutgoingMail.objects.filter(to="kollega@sthlm.se").exists())

    def test_each_sees_only_its_own_invitations(self):
        invitations.invite(self.cora, "a@b.se", Role.REPORTER, self.botkyrka, base_url=BASE)
        invitations.invite(self.otto, "c@d.se", Role.REPORTER, self.uppsala, base_url=BASE)
        responses = self.assertAccess(
            URL, allowed=(self.cora, self.otto, self.adam, self.alice), ok=200
        )
        self.assertContains(responses[self.cora], "a@b.se")
        self.assertNotContains(responses[self.cora], "c@d.se")
        self.assertNotContains(responses[self.otto], "a@b.se")
        self.assertContains(responses[self.adam], "c@d.se")
        self.assertNotContains(responses[self.alice], "a@b.se")


class InvitationLifeTestCase(BaseTestCase):
    def setUp(self):
        self.invitation, url = invitations.invite(
            self.cora, "ny@botkyrka.se", Role.REPORTER, self.botkyrka, base_url=BASE
        )
        self.path = url.removeprefix("http://testserver")

    def accept(self, path=None):
        return self.client.post(
            path or self.path,
            {
                "first_name": "Nina",
                "last_name": "Ny",
                "password1": "en-lång-fras-42",
                "password2": "en-lång-fras-42",
            },
        )

    def test_accepting_makes_the_user_with_the_invited_role(self):
        self.assertContains(self.client.get(self.path), "ny@botkyrka.se")
        r = self.accept()
        self.assertRedirects(r, "/")
        self.invitation.refresh_from_db()
        user = self.invitation.user
        self.assertEqual(
            (user.username, user.role, user.organisation),
            ("ny@botkyrka.se", "reporter", self.botkyrka),
        )
        self.assertEqual(self.invitation.status, InvitationStatus.ACCEPTED)
        self.assertTrue(user.check_password("en-lång-fras-42"))
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)
        self.client.logout()
        self.assertEqual(self.client.get(self.path).status_code, 404)  # used once only

    def test_an_invited_lead_analyst_becomes_one(self):
        _inv, url = invitations.invite(
            self.adam, "lea@myndighet.se", Role.ANALYST, base_url=BASE, lead=True
        )
        self.assertRedirects(self.accept(url.removeprefix("http://testserver")), "/")
        user = Invitation.objects.get(email="lea@myndighet.se").user
        self.assertTrue(user.is_lead)
        event = AuditEvent.objects.get(kind=AuditKind.CREATED, user=user)
        self.assertEqual(event.detail, "Huvudanalytiker")
        self.assertFalse(self.invitation.is_lead_analyst)  # the default

    def test_role_and_organisation_cannot_be_chosen_by_the_invited(self):
        self.client.post(
            self.path,
            {
                "first_name": "N",
                "last_name": "N",
                "password1": "en-lång-fras-42",
                "password2": "en-lång-fras-42",
                "role": "national_admin",
                "organisation": self.uppsala.pk,
            },
        )
        self.invitation.refresh_from_db()
        self.assertEqual(self.invitation.user.role, Role.REPORTER)

    def test_a_weak_password_is_refused(self):
        r = self.client.post(
            self.path, {"first_name": "N", "last_name": "N", "password1": "123", "password2": "123"}
        )
        self.assertEqual(r.status_code, 200)
        self.invitation.refresh_from_db()
        self.assertEqual(self.invitation.status, InvitationStatus.SENT)

    def test_an_expired_invitation_cannot_be_accepted(self):
        Invitation.objects.filter(pk=self.invitation.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
        self.assertContains(self.client.get(self.path), "gått ut", status_code=404)
        self.assertEqual(self.accept().status_code, 404)
        self.assertFalse(Invitation.objects.get().user)

    def test_a_revoked_invitation_cannot_be_accepted(self):
        revoke = f"{URL}{self.invitation.pk}/aterkalla/"
        self.assertAccess(revoke, refused=(self.otto, self.alice, self.anna), method="post")
        self.login(self.cora)
        self.assertContains(self.client.post(revoke), "Återkalla")  # asks first
        self.assertEqual(Invitation.objects.get().status, InvitationStatus.SENT)
        self.assertRedirects(self.client.post(revoke, {"confirmed": "1"}), URL)
        self.assertEqual(Invitation.objects.get().status, InvitationStatus.REVOKED)
        self.client.logout()
        self.assertEqual(self.accept().status_code, 404)
        self.assertTrue(AuditEvent.objects.filter(kind=AuditKind.INVITATION_REVOKED).exists())

    def test_resending_replaces_the_link(self):
        resend = f"{URL}{self.invitation.pk}/skicka-igen/"
        self.assertAccess(
            resend,
            allowed=(self.cora, self.adam),
            refused=(self.otto, self.alice, self.anna),
            method="post",
        )
        new_path = link_in_mail("ny@botkyrka.se")
        self.assertNotEqual(new_path, self.path)
        self.assertEqual(self.client.get(self.path).status_code, 404)
        self.assertEqual(self.accept(new_path).status_code, 302)

    def test_it_handles_bad_ids_and_tokens(self):
        self.login(self.cora)
        self.assertEqual(self.client.post(f"{URL}999999/aterkalla/").status_code, 404)
        self.assertEqual(self.client.get("/konto/inbjudan/inte-en-token/").status_code, 404)
        self.assertEqual(self.client.get(f"{URL}1/aterkalla/").status_code, 405)

    def test_the_user_can_sign_in_afterwards(self):
        self.accept()
        self.client.logout()
        r = self.client.post(
            "/konto/logga-in/", {"username": "ny@botkyrka.se", "password": "en-lång-fras-42"}
        )
        self.assertRedirects(r, "/")
