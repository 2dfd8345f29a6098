from unittest import mock

from django.db import OperationalError

from stimulans.test import FundsTestCase


class DatabaseUnavailableTestCase(FundsTestCase):
    def post_requisition_failing_with(self, error, **headers):
        self.login(self.bob)
        url = f"/organisationer/municipality/0127/rekvirera/{self.botkyrka.allocations.first().pk}/"
        with mock.patch(
            "stimulans.funds.organisation_views.requisition", side_effect=OperationalError(error)
        ):
            return self.client.post(url, {"amount_sek": 1}, **headers)

    def test_a_locked_database_gives_a_clear_message_and_retry_after(self):
        r = self.post_requisition_failing_with("database is locked")
        self.assertEqual(r.status_code, 503)
        self.assertEqual(r["Retry-After"], "5")
        self.assertContains(r, "Databasen är tillfälligt upptagen", status_code=503)
        self.assertContains(r, "Ingenting sparades", status_code=503)

    def test_htmx_requests_get_a_fragment(self):
        r = self.post_requisition_failing_with("could not connect", HTTP_HX_REQUEST="true")
        self.assertEqual(r.status_code, 503)
        self.assertNotContains(r, "<html", status_code=503)
        self.assertContains(r, 'role="alert"', status_code=503)

    def test_other_database_errors_are_not_disguised_as_busy(self):
        with self.assertRaises(OperationalError):
            self.post_requisition_failing_with("no such table: funds_requisition")
