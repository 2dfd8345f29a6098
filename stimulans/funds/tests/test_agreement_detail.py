from stimulans.test import FundsTestCase


class AgreementDetailTestCase(FundsTestCase):
    url = "/avtal/2020/"

    def test_it_shows_parts_pots_and_keys(self):
        self.login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "En nollvision för suicid – suicidprevention")
        self.assertContains(r, "Befolkning 0–24 år (2019)")
        self.assertContains(r, "370\u00a0000\u00a0000", count=2)  # pot and allocated
        self.assertContains(r, "demodata – inte officiell statistik")
        self.assertNotContains(r, "Beräkna fördelningen")

    def test_unknown_year_is_404(self):
        self.login(self.alice)
        self.assertEqual(self.client.get("/avtal/1999/").status_code, 404)

    def test_it_checks_ownership(self):
        # Public figures: every logged-in role reads them; anonymous visitors must log in.
        self.assertOpenToEveryLoggedInRole(self.url)
