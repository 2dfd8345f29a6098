from stimulans.test import BaseTestCase


class HomeTestCase(BaseTestCase):
    def test_anonymous_gets_a_login_link(self):
        r = self.client.get("/")
        self.assertContains(r, "Logga in")
        self.assertContains(r, '<html lang="sv">')

    def test_swedish_even_when_the_browser_asks_for_english(self):
        r = self.client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        self.assertContains(r, '<html lang="sv">')
        self.assertContains(r, "Hoppa till innehållet")

    def test_english_is_available_through_the_language_switch(self):
        r = self.client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
        self.assertContains(r, '<html lang="en">')
        self.assertContains(r, "Skip to content")
        self.assertContains(r, "Agreements")

    def test_it_checks_ownership(self):
        for user in (self.alice, self.cora, self.anna, self.adam):
            self.login(user)
            r = self.client.get("/")
            self.assertEqual(r.status_code, 200)
        self.login(self.alice)
        self.assertContains(self.client.get("/"), "/organisationer/municipality/0180/")
