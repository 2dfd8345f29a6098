from stimulans.support.models import SupportAction
from stimulans.test import BaseTestCase

from .factories import make_register


class ActionPagesTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def test_it_checks_ownership(self):
        for url in ("/stod/atgarder/", f"/stod/atgarder/{self.action.pk}/", "/stod/atgarder/ny/"):
            with self.subTest(url):
                self.assertAccess(
                    url,
                    allowed=[self.anna, self.adam],
                    refused=[self.alice, self.cora, self.otto, self.regina],
                    ok=200,
                )

    def test_only_the_agencies_edit_an_action(self):
        self.assertAccess(
            f"/stod/atgarder/{self.action.pk}/redigera/",
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.bob, self.cora, self.otto],
            ok=200,
        )

    def test_a_need_is_followed_to_its_action_with_participants_by_county(self):
        self.login(self.anna)
        page = self.client.get(f"/stod/atgarder/{self.action.pk}/").content.decode()
        self.assertIn("Mått för mobila team", page)
        self.assertIn("Stockholms län", page)
        self.assertIn("12", page)

    def test_it_saves_an_action_with_participations(self):
        self.login(self.adam)
        data = {
            "kind": "workshop",
            "title": "Ny workshop",
            "agency": "both",
            "status": "done",
            "date": "2026-10-01",
            "needs": [self.need.pk, self.other_need.pk],
            "participations_text": "01; 5\n03; 7",
        }
        response = self.client.post("/stod/atgarder/ny/", data)
        self.assertEqual(response.status_code, 302, response.content)
        action = SupportAction.objects.get(title="Ny workshop")
        self.assertEqual(
            [(p.county.code, p.participants) for p in action.participations.all()],
            [("01", 5), ("03", 7)],
        )
        self.assertEqual(action.needs.count(), 2)

    def test_it_refuses_a_bad_participation_line(self):
        self.login(self.adam)
        data = {
            "kind": "workshop",
            "title": "X",
            "agency": "both",
            "status": "done",
            "participations_text": "01; 5\n99; 7",
        }
        response = self.client.post("/stod/atgarder/ny/", data)
        self.assertIn("Deltagare per län, rad 2: okänd länskod ”99”.", response.content.decode())
        data["participations_text"] = "01; fem"
        response = self.client.post("/stod/atgarder/ny/", data)
        self.assertIn("rad 1: antalet deltagare ska vara ett heltal", response.content.decode())
        self.assertFalse(SupportAction.objects.filter(title="X").exists())

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/stod/atgarder/999999/").status_code, 404)
        self.assertEqual(self.client.get("/stod/atgarder/999999/redigera/").status_code, 404)
