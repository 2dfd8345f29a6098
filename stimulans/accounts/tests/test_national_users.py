"""The national users page (`/konto/anvandare/`) and marking an analyst as lead analyst."""

from django.test import Client

from stimulans.accounts.lead_analysts import LeadAnalystError, set_lead_analyst
from stimulans.accounts.models import AuditEvent, AuditKind
from stimulans.test import BaseTestCase

URL = "/konto/anvandare/"


class NationalUsersTestCase(BaseTestCase):
    def lead_url(self, user):
        return f"/konto/anvandare/{user.pk}/huvudanalytiker/"

    def test_access(self):
        responses = self.assertAccess(
            URL,
            allowed=(self.adam,),
            refused=(self.alice, self.cora, self.anna),
            ok=200,
        )
        page = responses[self.adam]
        self.assertContains(page, "anna")
        self.assertContains(page, "Gör till huvudanalytiker")
        self.assertNotContains(page, "alice")  # belongs to an organisation

    def test_marking_and_unmarking_is_allowed_to_national_administrators_only(self):
        url = self.lead_url(self.anna)
        self.assertAccess(
            url,
            allowed=(self.adam,),
            refused=(self.alice, self.cora, self.anna),
            method="post",
            data={"lead": "1"},
        )
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.is_lead)
        self.login(self.adam)
        self.assertEqual(self.client.get(url).status_code, 405)  # POST only

    def test_it_is_recorded_in_the_audit_log_and_reversible(self):
        self.login(self.adam)
        self.assertRedirects(self.client.post(self.lead_url(self.anna), {"lead": "1"}), URL)
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.is_lead_analyst)
        page = self.client.get(URL)
        self.assertContains(page, "Huvudanalytiker")
        self.assertContains(page, "Ta bort som huvudanalytiker")
        self.client.post(self.lead_url(self.anna), {"lead": "0"})
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.is_lead_analyst)
        events = AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGED, user=self.anna)
        self.assertEqual(
            list(events.order_by("pk").values_list("detail", "actor")),
            [("Huvudanalytiker", self.adam.pk), ("Inte huvudanalytiker", self.adam.pk)],
        )

    def test_a_double_submit_or_a_stale_page_changes_nothing_twice(self):
        self.login(self.adam)
        self.client.post(self.lead_url(self.anna), {"lead": "1"})
        again = self.client.post(self.lead_url(self.anna), {"lead": "1"}, follow=True)
        self.assertContains(again, "anna är redan huvudanalytiker.")
        self.anna.refresh_from_db()
        self.assertTrue(self.anna.is_lead_analyst)
        self.assertEqual(AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGED).count(), 1)

    def test_only_analysts_can_be_lead_analysts(self):
        self.login(self.adam)
        for user in (self.alice, self.cora, self.adam):
            r = self.client.post(self.lead_url(user), {"lead": "1"}, follow=True)
            self.assertContains(r, "är inte analytiker och kan inte vara huvudanalytiker.")
            user.refresh_from_db()
            self.assertFalse(user.is_lead_analyst)
        with self.assertRaises(LeadAnalystError):
            set_lead_analyst(self.alice, True)

    def test_it_handles_bad_ids_and_values(self):
        self.login(self.adam)
        self.assertEqual(
            self.client.post("/konto/anvandare/999999/huvudanalytiker/").status_code, 404
        )
        for data in ({}, {"lead": "ja"}):
            self.assertEqual(self.client.post(self.lead_url(self.anna), data).status_code, 400)
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.is_lead_analyst)

    def test_deactivating_a_national_user_leads_back_here(self):
        self.login(self.adam)
        r = self.client.post(f"/konto/anvandare/{self.anna.pk}/inaktivera/", {"confirmed": "1"})
        self.assertRedirects(r, URL)
        self.assertContains(self.client.get(URL), "Inaktiverad")

    def test_the_form_needs_its_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.adam)
        self.assertEqual(client.post(self.lead_url(self.anna), {"lead": "1"}).status_code, 403)
        self.anna.refresh_from_db()
        self.assertFalse(self.anna.is_lead_analyst)
        page = client.get(URL).content.decode()
        self.assertIn('name="csrfmiddlewaretoken"', page)
