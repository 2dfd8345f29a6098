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

    def test_reporter_sees_what_is_due_and_when(self):
        import datetime

        from django.utils import timezone

        from stimulans.funds.models import Agreement, Pot
        from stimulans.funds.services import load_agreement_2020
        from stimulans.reporting.models import Report, ReportStatus

        agreement = load_agreement_2020()
        today = timezone.localdate()
        in_five_days = today + datetime.timedelta(days=5)
        Agreement.objects.filter(pk=agreement.pk).update(reporting_deadline=in_five_days)
        good_care = Pot.objects.get(part__slug="god-vard", recipient_kind="municipality")
        mobile = Pot.objects.get(part__slug="handlingsplaner-mobila", recipient_kind="municipality")
        report = Report.objects.create(organisation=self.botkyrka, pot=good_care)
        self.login(self.bob)
        page = self.client.get("/")
        # Both municipal pots are due, one started, one not.
        self.assertContains(
            page, f"2 redovisningar återstår, sista dag {in_five_days:%Y-%m-%d} (om 5 dagar)."
        )
        self.assertContains(page, f'href="/redovisning/r/{report.pk}/redigera/"')
        self.assertContains(page, "Utkast</strong>")
        self.assertContains(page, "Inte påbörjad</strong>")
        self.assertContains(page, f'action="/redovisning/ny/{mobile.pk}/"')
        self.assertNotContains(page, "Försenad")
        # Submitted: one left; the deadline passed yesterday, so the other one is late.
        Report.objects.filter(pk=report.pk).update(
            status=ReportStatus.SUBMITTED, submitted_at=timezone.now() - datetime.timedelta(days=2)
        )
        yesterday = today - datetime.timedelta(days=1)
        Agreement.objects.filter(pk=agreement.pk).update(reporting_deadline=yesterday)
        page = self.client.get("/")
        self.assertContains(
            page, f"1 redovisning återstår, sista dag {yesterday:%Y-%m-%d} (för 1 dag sedan)."
        )
        self.assertContains(page, f'href="/redovisning/r/{report.pk}/"')
        self.assertContains(page, "Försenad", count=1)
        # Everything submitted.
        Report.objects.create(organisation=self.botkyrka, pot=mobile, status="approved")
        page = self.client.get("/")
        self.assertContains(page, "Alla redovisningar är inskickade.")
        self.assertNotContains(page, "inskickade..")  # one full stop

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
        # Every expected report is counted, those not started too: no pot is allocated, so
        # every organisation of a pot's kind is expected. Stockholms län: 26 municipalities
        # × 2 municipal pots + 1 region × 4 + 1 county recipient × 4 = 60, one submitted.
        self.assertContains(r, "Inte påbörjad: <strong>59</strong>", html=False)
        self.assertContains(r, "Utkast: <strong>0</strong>", html=False)
        self.assertContains(r, "Inskickad: <strong>1</strong>", html=False)
        self.assertContains(r, 'href="/redovisning/2020/granska/"')
        self.login(self.anna)
        r = self.client.get("/")
        self.assertContains(r, "Inskickad: <strong>2</strong>", html=False)
        # The country: 290 × 2 + 21 × 4 + 21 × 4 = 748 expected, two submitted.
        self.assertContains(r, "Inte påbörjad: <strong>746</strong>", html=False)

    def test_it_checks_ownership(self):
        # The home page is open to anonymous visitors too (it invites them to log in).
        pages = self.assertAccess(
            "/", allowed=[self.alice, self.cora, self.anna, self.adam, None], ok=200
        )
        self.assertContains(pages[self.alice], "/organisationer/municipality/0180/")
