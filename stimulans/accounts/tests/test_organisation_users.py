from stimulans.accounts.models import AuditEvent, AuditKind
from stimulans.test import BaseTestCase


class OrganisationUsersTestCase(BaseTestCase):
    url = "/konto/organisationer/municipality/0180/anvandare/"

    def test_access(self):
        responses = self.assertAccess(
            self.url,
            allowed=(self.alice, self.cora, self.adam),
            refused=(self.bob, self.otto, self.anna),
            ok=200,
        )
        for response in responses.values():
            self.assertContains(response, "alice")
            self.assertNotContains(response, "bob")

    def test_it_handles_a_bad_organisation(self):
        self.login(self.adam)
        self.assertEqual(
            self.client.get("/konto/organisationer/municipality/9999/anvandare/").status_code, 404
        )
        self.assertEqual(self.client.post("/konto/anvandare/999999/inaktivera/").status_code, 404)

    def test_deactivating_asks_first_and_keeps_the_user(self):
        url = f"/konto/anvandare/{self.alice.pk}/inaktivera/"
        self.assertAccess(url, refused=(self.bob, self.otto, self.anna, self.alice), method="post")
        self.login(self.cora)
        self.assertContains(self.client.post(url), "Inaktivera användare")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.is_active)
        self.assertRedirects(self.client.post(url, {"confirmed": "1"}), self.url)
        self.alice.refresh_from_db()
        self.assertFalse(self.alice.is_active)
        event = AuditEvent.objects.get(kind=AuditKind.DEACTIVATED)
        self.assertEqual((event.user, event.actor), (self.alice, self.cora))
        self.assertContains(self.client.get(self.url), "Inaktiverad")
        self.assertRedirects(
            self.client.post(f"/konto/anvandare/{self.alice.pk}/aktivera/"), self.url
        )
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.is_active)

    def test_a_coordinator_manages_only_reporters_of_its_county(self):
        self.login(self.cora)
        self.assertEqual(
            self.client.post(
                f"/konto/anvandare/{self.charlie.pk}/inaktivera/", {"confirmed": "1"}
            ).status_code,
            403,
        )
        self.assertEqual(
            self.client.post(
                f"/konto/anvandare/{self.anna.pk}/inaktivera/", {"confirmed": "1"}
            ).status_code,
            403,
        )
        self.login(self.adam)
        self.assertEqual(
            self.client.post(
                f"/konto/anvandare/{self.adam.pk}/inaktivera/", {"confirmed": "1"}
            ).status_code,
            403,
        )
