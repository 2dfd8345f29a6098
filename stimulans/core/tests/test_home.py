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

    def test_reporter_sees_own_reports_and_allocation(self):
        from stimulans.funds.models import Pot
        from stimulans.funds.services import load_agreement_2020
        from stimulans.reporting.services import get_or_create_report

        load_agreement_2020()
        pot = Pot.objects.get(part__slug="god-vard", recipient_kind="municipality")
        get_or_create_report(self.botkyrka, pot, self.bob)
        self.login(self.bob)
        r = self.client.get("/")
        self.assertContains(r, "Botkyrka kommun")
        self.assertContains(r, "Utkast")
        self.assertContains(r, "Länsgemensam handlingsplan")
        self.login(self.alice)
        self.assertNotContains(self.client.get("/"), "Utkast")

    def test_coordinator_sees_the_county_counts(self):
        from stimulans.funds.models import Pot
        from stimulans.funds.services import load_agreement_2020
        from stimulans.reporting.models import Report

        load_agreement_2020()
        pot = Pot.objects.get(part__slug="god-vard", recipient_kind="municipality")
        Report.objects.create(organisation=self.botkyrka, pot=pot, status="submitted")
        Report.objects.create(organisation=self.uppsala, pot=pot, status="submitted")
        self.login(self.cora)
        r = self.client.get("/")
        self.assertContains(r, "1 inskickad redovisning väntar på granskning")
        self.login(self.anna)
        r = self.client.get("/")
        self.assertContains(r, "Inskickad: <strong>2</strong>", html=False)

    def test_it_checks_ownership(self):
        # The home page is open to anonymous visitors too (it invites them to log in).
        pages = self.assertAccess(
            "/", allowed=[self.alice, self.cora, self.anna, self.adam, None], ok=200
        )
        self.assertContains(pages[self.alice], "/organisationer/municipality/0180/")
