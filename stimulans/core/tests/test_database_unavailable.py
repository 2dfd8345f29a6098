from unittest import mock

from django.db import OperationalError

from stimulans.test import FundsTestCase


class DatabaseUnavailableTestCase(FundsTestCase):
    def test_a_locked_database_gives_a_clear_message_and_retry_after(self):
        self.login(self.bob)
        with mock.patch(
            "stimulans.organisations.views.requisition",
            side_effect=OperationalError("database is locked"),
        ):
            r = self.client.post(
                f"/organisationer/municipality/0127/rekvirera/"
                f"{self.botkyrka.allocations.first().pk}/",
                {"amount_sek": 1},
            )
        self.assertEqual(r.status_code, 503)
        self.assertEqual(r["Retry-After"], "5")
        self.assertContains(r, "Databasen är tillfälligt upptagen", status_code=503)
        self.assertContains(r, "Ingenting sparades", status_code=503)

    def test_htmx_requests_get_a_fragment(self):
        self.login(self.bob)
        with mock.patch(
            "stimulans.organisations.views.requisition",
            side_effect=OperationalError("could not connect to server"),
        ):
            r = self.client.post(
                f"/organisationer/municipality/0127/rekvirera/"
                f"{self.botkyrka.allocations.first().pk}/",
                {"amount_sek": 1},
                HTTP_HX_REQUEST="true",
            )
        self.assertEqual(r.status_code, 503)
        self.assertNotContains(r, "<html", status_code=503)
        self.assertContains(r, 'role="alert"', status_code=503)
