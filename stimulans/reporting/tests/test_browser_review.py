"""The county coordinator's day in a real browser (Playwright driving Debian's Chromium, axe
checking WCAG 2.1 AA): from the home page's summary to the reports to review, filtered, and on
to the report."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST


@pytest.fixture
def submitted(transactional_db):
    from stimulans.accounts.models import User
    from stimulans.organisations.models import Organisation
    from stimulans.reporting import services
    from stimulans.reporting.tests.base import complete_answers, stockholm_draft

    report = stockholm_draft()
    alice = User.objects.get(username="alice")
    services.save_draft(report, complete_answers(report.pot), alice, report.version)
    assert not services.submit(report, alice)
    make_user("cora", Role.COUNTY_COORDINATOR, Organisation.objects.get(kind="county", code="01"))
    return report


def test_the_coordinator_finds_the_reports_to_review(browser, submitted, live_server):
    page = browser.new_page()
    log_in(page, live_server.url, "cora", PASSWORD)
    page.goto(live_server.url + "/")
    assert "Inte påbörjad" in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("link", name="Att granska").click()
    page.wait_for_selector("h1:has-text('Att granska')")
    assert_accessible(page)
    assert page.get_by_role("link", name="Granska Stockholm").count() == 1
    page.get_by_label("Status").select_option("draft")
    page.get_by_role("button", name="Filtrera").click()
    page.wait_for_selector("text=Inga redovisningar med de här filtren.")
    page.get_by_label("Status").select_option("submitted")
    page.get_by_label("Organisation").select_option(label="Stockholms kommun")
    page.get_by_role("button", name="Filtrera").click()
    page.get_by_role("link", name="Granska Stockholm").click()
    page.wait_for_selector(".report-answers")
    assert f"/redovisning/r/{submitted.pk}/" in page.url
