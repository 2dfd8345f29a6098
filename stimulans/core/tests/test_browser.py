"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser), with axe
checking WCAG 2.1 AA on the pages an official uses. `.ci/run` installs Debian's chromium."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_allocated_agreement, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible

pytestmark = BROWSER_TEST


@pytest.fixture
def funds(transactional_db):
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations

    load_organisations()
    make_allocated_agreement()
    botkyrka = Organisation.objects.get(kind="municipality", code="0127")
    return make_user("bob", Role.REPORTER, botkyrka)


def test_reporter_logs_in_and_requisitions(browser, funds, live_server):
    page = browser.new_page()
    page.goto(live_server.url + "/konto/logga-in/")
    assert page.get_attribute("html", "lang") == "sv"
    assert_accessible(page)
    page.get_by_label("Användarnamn").fill("bob")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Min organisation").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Botkyrka kommun"
    assert_accessible(page)
    first_amount = page.get_by_label("Belopp (kr)").first
    first_amount.fill("1000")
    page.get_by_role("button", name="Rekvirera").first.click()
    assert "Rekvireringen av 1000 kr är registrerad" in page.content()

    for path in ("/avtal/", "/avtal/2020/", "/avtal/2020/oversikt/"):
        page.goto(live_server.url + path)
        assert_accessible(page)
    pot_link = page.goto(live_server.url + "/avtal/2020/")
    assert pot_link.ok
    page.get_by_role("link", name="Kommun").first.click()
    assert "Summa: 200\u00a0000\u00a0000 kr" in page.inner_text("main")
    assert_accessible(page)
    page.close()
