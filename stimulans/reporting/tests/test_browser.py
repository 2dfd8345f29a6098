"""Browser test of the report form: Playwright driving Debian's Chromium, axe checking WCAG 2.1 AA,
htmx showing follow-up questions as answers change, and the error summary linking to fields."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible

pytestmark = BROWSER_TEST


@pytest.fixture
def reporter(transactional_db):
    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations
    from stimulans.reporting.questionnaires.loader import load_questionnaires

    load_organisations()
    load_agreement_2020()
    load_questionnaires(2020)
    stockholm = Organisation.objects.get(kind="municipality", code="0180")
    return make_user("alice", Role.REPORTER, stockholm)


def test_reporter_fills_in_a_report(browser, reporter, live_server):
    page = browser.new_page()
    page.goto(live_server.url + "/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("alice")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector("text=redovisningar återstår")  # the home page: what is due
    assert_accessible(page)
    page.goto(live_server.url + "/redovisning/?ar=2020")
    assert_accessible(page)
    page.get_by_role("button", name="Börja redovisa: Fortsatt utvecklingsarbete").click()
    page.wait_for_selector("#report-form")
    assert_accessible(page)
    follow_up = page.locator("#f-disruption_description")
    assert not follow_up.is_visible()
    page.get_by_label("Ja, av covid-19-pandemin").check()
    follow_up.wait_for(state="visible")
    page.get_by_label("Erhållna stimulansmedel för året (kr)").fill("1000000")
    page.get_by_role("button", name="Lägg till insats").click()
    page.get_by_label("Insatsens namn").fill("Mobilt team")
    page.get_by_role("button", name="Skicka in").click()
    page.wait_for_selector(".error-summary")
    assert_accessible(page)
    assert page.locator(".error-summary a[href='#f-funds_used_sek']").count() == 1
    assert page.get_by_label("Insatsens namn").input_value() == "Mobilt team"
    assert page.get_by_label("Erhållna stimulansmedel för året (kr)").input_value() == "1000000"
    page.get_by_role("link", name="Läs och skriv ut").click()
    page.wait_for_selector(".report-answers")
    assert_accessible(page)
    page.get_by_role("link", name="Historik").first.click()
    page.wait_for_selector("table")
    assert_accessible(page)
