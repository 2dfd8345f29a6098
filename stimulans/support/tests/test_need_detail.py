from stimulans.support.models import SupportTheme
from stimulans.test import BaseTestCase

from .factories import make_register


class NeedDetailTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def test_it_checks_ownership(self):
        pages = self.assertAccess(
            f"/stod/behov/{self.need.pk}/",
            allowed=[self.alice, self.cora, self.anna, self.adam],
            refused=[self.bob, self.charlie, self.otto, self.regina],
            ok=200,
        )
        self.assertIn("Workshop om mått", pages[self.alice].content.decode())
        self.assertIn("Koda tema", pages[self.anna].content.decode())
        self.assertNotIn("Koda tema", pages[self.cora].content.decode())

    def test_coding_is_for_the_agencies_and_kept_in_the_history(self):
        theme = SupportTheme.objects.get(code="uppfoljning")
        url = f"/stod/behov/{self.need.pk}/koda/"
        self.assertAccess(
            url,
            method="post",
            data={"theme": theme.pk},
            allowed=[self.anna],
            refused=[self.alice, self.cora, self.otto],
            ok=302,
        )
        self.need.refresh_from_db()
        self.assertEqual((self.need.theme, self.need.coded_by), (theme, self.anna))
        self.assertEqual(
            list(self.need.history.values_list("theme__code", flat=True)), ["uppfoljning", None]
        )
        self.login(self.anna)
        response = self.client.post(url, {"theme": "999999"})
        self.assertEqual(response.status_code, 400)

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/stod/behov/999999/").status_code, 404)
        self.assertEqual(self.client.post("/stod/behov/999999/koda/").status_code, 404)
