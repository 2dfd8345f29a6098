from stimulans.test import BaseTestCase

from .factories import make_register


class DialogueDetailTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def test_it_checks_ownership(self):
        url = f"/stod/dialoger/{self.dialogue.pk}/"
        pages = self.assertAccess(
            url,
            allowed=[self.cora, self.anna, self.adam],
            refused=[self.alice, self.bob, self.regina, self.otto],
            ok=200,
        )
        self.assertIn("HEMLIG ANTECKNING", pages[self.anna].content.decode())
        self.assertIn("Eva Lind, Samordnare", pages[self.anna].content.decode())
        # The notes are the agencies' own: the county sees the dialogue, not the notes.
        self.assertNotIn("HEMLIG ANTECKNING", pages[self.cora].content.decode())
        self.assertIn("Mått för mobila team", pages[self.cora].content.decode())

    def test_it_handles_bad_id(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/stod/dialoger/999999/").status_code, 404)
