"""The answers page in Chromium: WCAG 2.1 AA (axe) with tables, bar charts and free texts."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST


@pytest.fixture
def answered(transactional_db):
    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.reference import load_organisations

    from .helpers import county_org, make_report
    from .test_answers import fixture_definition, install

    load_organisations()
    agreement = load_agreement_2020()
    pot = agreement.parts.get(slug="suicidprevention").pots.get(recipient_kind="county")
    install(pot, fixture_definition())
    make_report(
        county_org("01"),
        pot,
        answers={"disruption": "pandemic", "support_needed": ["data"], "staff_count": "3"},
    )
    make_report(county_org("03"), pot, answers={"disruption_description": "Distansmöten"})
    make_user("anna", Role.ANALYST)


def test_answers_page_is_accessible(browser, answered, live_server):
    page = browser.new_page()
    log_in(page, live_server.url, "anna", PASSWORD)
    page.goto(live_server.url + "/analys/2020/del/suicidprevention/")
    page.get_by_role("link", name="Svar på enkätfrågorna").click()
    assert "2 aktörer har redovisat." in page.inner_text("main")
    assert page.get_by_role("img", name="Vilket stöd behövs?").count() == 1
    page.get_by_text("Beskriv hur (1)").click()
    assert page.get_by_text("Distansmöten").is_visible()
    assert_accessible(page)
    page.close()
