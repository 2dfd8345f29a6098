"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser), with axe
checking WCAG 2.1 AA on the pages an official uses. `.ci/run` installs Debian's chromium."""

import os
import shutil

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_population, make_user

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def funds(transactional_db):
    from stimulans.funds.services import allocate_agreement, load_agreement_2020
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations

    load_organisations()
    agreement = load_agreement_2020()
    make_population(2019)
    allocate_agreement(agreement)
    botkyrka = Organisation.objects.get(kind="municipality", code="0127")
    return make_user("bob", Role.REPORTER, botkyrka)


def assert_accessible(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert violations == [], "\n".join(
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})" for v in violations
    )


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
