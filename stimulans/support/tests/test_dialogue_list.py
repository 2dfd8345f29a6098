from stimulans.test import BaseTestCase

from .factories import make_register

URL = "/stod/dialoger/?ar=2026"


class DialogueListTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def test_it_checks_ownership(self):
        pages = self.assertAccess(
            URL,
            allowed=[self.cora, self.otto, self.anna, self.adam],
            refused=[self.alice, self.bob, self.regina],
            ok=200,
        )
        national = pages[self.anna].content.decode()
        self.assertIn("2026-03-04", national)
        self.assertIn("2026-05-06", national)
        self.assertIn("2 av 21 län har haft dialog i år.", national)
        self.assertEqual(national.count('<th scope="row">'), 21)
        own = pages[self.cora].content.decode()
        self.assertIn("2026-03-04", own)
        self.assertNotIn("2026-05-06", own)
        self.assertNotIn("Uppsala län", own)

    def test_another_year_shows_no_dialogue(self):
        self.login(self.anna)
        page = self.client.get("/stod/dialoger/?ar=2025").content.decode()
        self.assertNotIn("2026-03-04", page)
        self.assertIn("0 av 21 län", page)
