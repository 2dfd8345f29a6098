from stimulans.support.models import Dialogue
from stimulans.test import BaseTestCase

from .factories import make_register


class DialogueEditTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def post_data(self, **extra):
        data = {
            "date": "2026-09-01",
            "county": self.county_uppsala.county.pk,
            "agenda": "Ny dagordning",
            "notes": "Nya anteckningar",
            "participants_text": "Per Holm; Samordnare; Region Uppsala\nSara Ek",
        }
        return {**data, **extra}

    def test_it_checks_ownership(self):
        self.assertAccess(
            "/stod/dialoger/ny/",
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora, self.otto, self.regina],
            ok=200,
        )
        self.assertAccess(
            f"/stod/dialoger/{self.dialogue.pk}/redigera/",
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora, self.otto],
            ok=200,
        )

    def test_it_creates_a_dialogue_with_participants(self):
        self.login(self.anna)
        response = self.client.post("/stod/dialoger/ny/", self.post_data())
        self.assertEqual(response.status_code, 302, response.content)
        dialogue = Dialogue.objects.get(agenda="Ny dagordning")
        self.assertEqual(dialogue.created_by, self.anna)
        self.assertEqual(
            [(p.name, p.title, p.organisation_name) for p in dialogue.participants.all()],
            [("Per Holm", "Samordnare", "Region Uppsala"), ("Sara Ek", "", "")],
        )

    def test_notes_keep_their_history(self):
        self.login(self.adam)
        url = f"/stod/dialoger/{self.dialogue.pk}/redigera/"
        data = self.post_data(county=self.county_stockholm.county.pk)
        self.assertEqual(self.client.post(url, data).status_code, 302)
        notes = list(self.dialogue.history.values_list("notes", flat=True))
        self.assertEqual(notes, ["Nya anteckningar", "HEMLIG ANTECKNING"])
        self.assertIn(
            "HEMLIG ANTECKNING",
            self.client.get(f"/stod/dialoger/{self.dialogue.pk}/").content.decode(),
        )

    def test_it_refuses_a_dialogue_without_counterpart_and_bad_participant_lines(self):
        self.login(self.anna)
        response = self.client.post(
            "/stod/dialoger/ny/",
            self.post_data(county="", participants_text="a; b; c; d"),
        )
        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        self.assertIn("Välj ett län eller en intresseorganisation.", page)
        self.assertIn("Deltagare, rad 1: skriv högst 3 fält åtskilda med semikolon.", page)
        self.assertFalse(Dialogue.objects.filter(agenda="Ny dagordning").exists())

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/stod/dialoger/999999/redigera/").status_code, 404)
