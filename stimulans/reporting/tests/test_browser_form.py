"""The report form never loses data, in a real browser (Playwright driving Debian's Chromium,
axe checking WCAG 2.1 AA): Enter in a one-line field saves and removes nothing, "Skicka in"
shows a summary before the submission, and a second tab of the same user that saves on an
old version gets the conflict page with both versions."""

import pytest

from stimulans.accounts.models import User
from stimulans.test import PASSWORD
from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST


@pytest.fixture
def report(transactional_db):
    from stimulans.reporting import services
    from stimulans.reporting.tests.base import complete_answers, stockholm_draft

    report = stockholm_draft()
    alice = User.objects.get(username="alice")
    services.save_draft(report, complete_answers(report.pot), alice, report.version)
    return report


def test_enter_in_a_one_line_field_saves_and_removes_nothing(browser, report, live_server):
    page = browser.new_page()
    log_in(page, live_server.url, "alice", PASSWORD)
    page.goto(f"{live_server.url}/redovisning/r/{report.pk}/redigera/")
    title = page.get_by_label("Insatsens namn")
    title.fill("Mobilt team, nytt namn")
    with page.expect_navigation():
        title.press("Enter")
    page.wait_for_selector("text=Utkastet är sparat")
    assert_accessible(page)
    assert page.get_by_label("Insatsens namn").input_value() == "Mobilt team, nytt namn"
    assert list(report.initiatives.values_list("title", flat=True)) == ["Mobilt team, nytt namn"]

    # "Skicka in" shows what is submitted and asks; the final "Skicka in" submits.
    page.get_by_role("button", name="Skicka in").click()
    page.wait_for_selector("h1:has-text('Skicka in redovisningen')")
    assert "Antal insatser" in page.inner_text("main")
    assert_accessible(page)
    report.refresh_from_db()
    assert report.status == "draft"
    page.get_by_role("button", name="Skicka in").click()
    page.wait_for_selector("text=Redovisningen är inskickad. Tack!")
    report.refresh_from_db()
    assert report.status == "submitted"


def test_removing_an_initiative_asks_and_can_be_undone(browser, report, live_server):
    page = browser.new_page()
    log_in(page, live_server.url, "alice", PASSWORD)
    page.goto(f"{live_server.url}/redovisning/r/{report.pk}/redigera/")
    page.get_by_role("button", name="Ta bort insats 1").click()
    page.wait_for_selector("h1:has-text('Ta bort insats 1?')")
    assert "Mobilt team för unga vuxna" in page.inner_text("main")
    assert_accessible(page)
    assert report.initiatives.count() == 1
    page.get_by_role("button", name="Ta bort insatsen").click()
    page.wait_for_selector("text=Insatsen Mobilt team för unga vuxna är borttagen.")
    assert report.initiatives.count() == 0
    assert_accessible(page)
    page.get_by_role("button", name="Ångra").click()
    page.wait_for_selector("text=är återställd")
    assert page.get_by_label("Insatsens namn").input_value() == "Mobilt team för unga vuxna"
    assert report.initiatives.get().outputs == "240 hembesök under hösten."


def test_a_second_tab_of_the_same_user_gets_the_conflict_page(browser, report, live_server):
    context = browser.new_context()
    first = context.new_page()
    log_in(first, live_server.url, "alice", PASSWORD)
    edit_url = f"{live_server.url}/redovisning/r/{report.pk}/redigera/"
    second = context.new_page()  # the same user, the same session, another tab
    second.goto(edit_url)
    first.goto(edit_url)

    with first.expect_response(lambda r: "/autospara/" in r.url, timeout=15000) as info:
        first.locator("#f-funds_explanation").fill("Skrivet i den första fliken")
    assert info.value.status == 200

    second.locator("#f-funds_explanation").fill("Skrivet i den andra fliken")
    with second.expect_navigation():
        second.get_by_role("button", name="Spara utkast").click()
    main = second.inner_text("main")
    assert "Två versioner" in main
    assert "Skrivet i den första fliken" in main  # the saved version
    assert second.locator("#f-funds_explanation").input_value() == "Skrivet i den andra fliken"
    assert_accessible(second)

    from stimulans.reporting import services

    report.refresh_from_db()
    assert report.funds_explanation == ""
    assert services.autosaved_values(report)["funds_explanation"] == "Skrivet i den första fliken"
    context.close()


def test_an_autosave_over_the_size_limit_says_so(browser, report, live_server):
    from stimulans.reporting.services import AUTOSAVE_MAX_BYTES

    page = browser.new_page()
    log_in(page, live_server.url, "alice", PASSWORD)
    page.goto(f"{live_server.url}/redovisning/r/{report.pk}/redigera/")
    with page.expect_response(lambda r: "/autospara/" in r.url, timeout=15000) as info:
        page.locator("#f-funds_explanation").fill("x" * (AUTOSAVE_MAX_BYTES + 1))
    assert info.value.status == 413
    status = page.locator("#autosave-status:has-text('för stora för att sparas automatiskt')")
    status.wait_for()
    assert_accessible(page)
    # "Spara utkast" still takes it.
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_selector("text=Utkastet är sparat")
    report.refresh_from_db()
    assert len(report.funds_explanation) == AUTOSAVE_MAX_BYTES + 1


def test_the_actions_stay_in_view_and_an_error_link_focuses_the_first_choice(
    browser, report, live_server
):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    log_in(page, live_server.url, "alice", PASSWORD)
    page.goto(f"{live_server.url}/redovisning/r/{report.pk}/redigera/")
    save = page.get_by_role("button", name="Spara utkast")
    submit = page.get_by_role("button", name="Skicka in")

    def in_view(button):
        box = button.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800

    assert page.evaluate("document.documentElement.scrollHeight") > 3 * 800  # a long form
    assert in_view(save) and in_view(submit)
    page.mouse.wheel(0, 1600)
    page.wait_for_timeout(500)
    assert page.evaluate("window.scrollY") >= 1000
    assert in_view(save) and in_view(submit)
    # "Skicka in" is the primary action: filled, where "Spara utkast" is outlined.
    fill = "getComputedStyle(document.querySelector('.sticky-actions [value=%s]')).backgroundColor"
    assert page.evaluate(fill % "save") == "rgb(255, 255, 255)"
    assert page.evaluate(fill % "submit") != "rgb(255, 255, 255)"

    # A radio group left unanswered: its error link takes the keyboard to its first choice.
    from stimulans.reporting import services

    alice = User.objects.get(username="alice")
    report.refresh_from_db()
    services.save_draft(report, {"disruption": ""}, alice, report.version)
    page.reload()
    with page.expect_navigation():
        submit.click()
    link = page.locator(".error-summary a[href='#f-disruption-0']")
    assert link.count() == 1
    link.click()
    assert page.evaluate("document.activeElement.id") == "f-disruption-0"
    assert_accessible(page)
