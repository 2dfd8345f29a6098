from stimulans.accounts.models import AuditEvent, AuditKind, Role
from stimulans.test import PASSWORD, BaseTestCase


class AuditLogTestCase(BaseTestCase):
    url = "/konto/logg/"

    def test_access(self):
        self.assertAccess(
            self.url, allowed=(self.adam,), refused=(self.alice, self.cora, self.anna), ok=200
        )

    def test_sign_ins_and_failures_are_logged(self):
        self.client.post("/konto/logga-in/", {"username": "alice", "password": "fel"})
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        failed = AuditEvent.objects.get(kind=AuditKind.SIGN_IN_FAILED)
        self.assertEqual(
            (failed.username, failed.user, failed.ip_address), ("alice", self.alice, "127.0.0.1")
        )
        signed_in = AuditEvent.objects.get(kind=AuditKind.SIGN_IN)
        self.assertEqual(signed_in.user, self.alice)

    def test_changes_of_role_organisation_and_activation_are_logged(self):
        self.bob.role = Role.COUNTY_COORDINATOR
        self.bob.organisation = self.county_stockholm
        self.bob.is_active = False
        self.bob.save()
        kinds = set(
            AuditEvent.objects.filter(user=self.bob)
            .exclude(kind=AuditKind.CREATED)
            .values_list("kind", flat=True)
        )
        self.assertEqual(
            kinds, {AuditKind.ROLE_CHANGED, AuditKind.ORGANISATION_CHANGED, AuditKind.DEACTIVATED}
        )
        self.assertIn("Länssamordnare", AuditEvent.objects.get(kind=AuditKind.ROLE_CHANGED).detail)

    def test_a_change_in_django_admin_names_the_administrator(self):
        self.adam.is_staff = self.adam.is_superuser = True
        self.adam.save()
        self.login(self.adam)
        r = self.client.post(
            f"/admin/accounts/user/{self.bob.pk}/change/",
            {
                "username": "bob",
                "role": "analyst",
                "organisation": "",
                "is_active": "on",
                "date_joined_0": "2026-01-01",
                "date_joined_1": "00:00:00",
                "initial-date_joined_0": "2026-01-01",
                "initial-date_joined_1": "00:00:00",
            },
        )
        self.assertEqual(r.status_code, 302, r.content[:2000])
        event = AuditEvent.objects.get(kind=AuditKind.ROLE_CHANGED)
        self.assertEqual((event.user, event.actor), (self.bob, self.adam))

    def test_filters(self):
        self.client.post("/konto/logga-in/", {"username": "bob", "password": "fel"})
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        self.login(self.adam)
        r = self.client.get(self.url, {"kind": "sign_in_failed"})
        self.assertContains(r, "bob")
        self.assertNotContains(r, "<td>alice</td>")
        r = self.client.get(self.url, {"username": "alice"})
        self.assertContains(r, "<td>alice</td>")
        self.assertNotContains(r, "<td>bob</td>")
        r = self.client.get(self.url, {"date_from": "2000-01-01", "date_to": "2000-01-02"})
        self.assertContains(r, "Inga händelser")
        self.assertEqual(
            self.client.get(self.url, {"date_from": "inte-ett-datum", "sida": "x"}).status_code, 200
        )
