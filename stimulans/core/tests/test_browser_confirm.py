"""Browser tests of the pages that ask first and of reminders: Playwright driving Debian's
Chromium, axe checking WCAG 2.1 AA; the confirmation is a plain form (no JavaScript needed)."""

import pytest

from stimulans import testing_browser
from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_allocated_agreement, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible
from stimulans.testing_smtp import smtp_server, smtp_settings

pytestmark = BROWSER_TEST


@pytest.fixture
def funds(transactional_db):
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations

    load_organisations()
    make_allocated_agreement()
    botkyrka = Organisation.objects.get(kind="municipality", code="0127")
    bob = make_user("bob", Role.REPORTER, botkyrka)
    bob.email = "bob@botkyrka.example"
    bob.save()
    make_user("adam", Role.NATIONAL_ADMIN)
    return bob


def log_in(page, base, username):
    testing_browser.log_in(page, base, username, PASSWORD)


def test_requisitioning_the_rest_asks_first(browser, funds, live_server):
    from stimulans.funds.models import Requisition

    base = live_server.url
    page = browser.new_page()
    log_in(page, base, "bob")
    page.goto(base + "/organisationer/municipality/0127/")
    page.get_by_role("button", name="Rekvirera").first.click()  # the whole amount is prefilled
    heading = "Rekvirera hela det återstående beloppet?"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert_accessible(page)
    page.get_by_role("link", name="Avbryt och gå tillbaka").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Botkyrka kommun"
    assert not Requisition.objects.exists()
    page.close()

    # The same without JavaScript: the confirmation is a plain form.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, base, "bob")
    page.goto(base + "/organisationer/municipality/0127/")
    page.get_by_role("button", name="Rekvirera").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert not Requisition.objects.exists()
    page.get_by_role("button", name="Rekvirera").click()
    assert "är registrerad" in page.inner_text("main")
    assert Requisition.objects.count() == 1
    context.close()


def test_the_administrator_sees_who_is_reminded_and_what_happened(
    browser, funds, live_server, settings
):
    from django.urls import reverse

    from stimulans.funds.models import Pot

    pot = Pot.objects.filter(part__agreement__year=2020, recipient_kind="municipality").first()
    settings.MAIL_DELIVERY = "inline"
    with smtp_server() as server:
        for name, value in smtp_settings(server).items():
            setattr(settings, name, value)
        page = browser.new_page()
        log_in(page, live_server.url, "adam")
        page.goto(live_server.url + reverse("reporting:pot_completeness", args=[2020, pot.pk]))
        assert "bob@botkyrka.example" in page.inner_text("main")
        assert "Kan inte nås" in page.inner_text("main")
        assert_accessible(page)
        page.get_by_role("button", name="Skicka påminnelse till markerade").click()
        # The round runs as a background job; its page says how it went and leads back.
        page.get_by_role("link", name="Tillbaka till inlämningen").wait_for()
        assert "Påminnelse till 1 organisation: 1 meddelande till 1 adress." in page.inner_text(
            "main"
        )
        assert_accessible(page)
        page.get_by_role("link", name="Tillbaka till inlämningen").click()
        page.wait_for_load_state()
        assert "skickad till 1 adress" in page.inner_text("main")
        assert_accessible(page)
        page.close()
    assert [m.recipients for m in server.messages] == [["bob@botkyrka.example"]]
