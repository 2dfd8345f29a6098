"""No typed answer is lost in the browser: when a save does not reach the database (here the
server answers 503, as it does when the database is locked or unreachable), the answers are
kept in the browser and put back when the report is opened again."""

import pytest

from stimulans.test import PASSWORD
from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST


@pytest.fixture
def report(transactional_db):
    from stimulans.reporting.tests.base import stockholm_draft

    return stockholm_draft()


def test_answers_survive_a_failed_save(browser, report, live_server):
    page = browser.new_page()
    log_in(page, live_server.url, "alice", PASSWORD)
    edit_url = f"{live_server.url}/redovisning/r/{report.pk}/redigera/"
    page.goto(edit_url)
    explanation = page.locator("#f-funds_explanation")
    explanation.fill("Skrivet precis innan databasen låste sig")
    page.get_by_label("Erhållna stimulansmedel för året (kr)").fill("123456")

    # The save reaches a server whose database is busy: the product's 503 page, nothing stored.
    from django.template.loader import render_to_string

    busy = render_to_string("core/database_unavailable.html")
    page.route(
        edit_url,
        lambda route: (
            route.fulfill(status=503, body=busy, content_type="text/html; charset=utf-8")
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_load_state()
    assert "tillfälligt upptagen" in page.inner_text("main")
    assert_accessible(page)
    page.unroute(edit_url)
    report.refresh_from_db()
    assert report.funds_explanation == ""

    # Opening the report again gives the typed answers back, with a notice.
    page.goto(edit_url)
    notice = page.locator("#local-draft-notice")
    notice.wait_for(state="visible")
    assert "hämtats från den här webbläsaren" in notice.inner_text()
    assert explanation.input_value() == "Skrivet precis innan databasen låste sig"
    assert page.get_by_label("Erhållna stimulansmedel för året (kr)").input_value() == "123456"
    assert_accessible(page)

    # Saving now stores them; the local copy is dropped once the server has a newer version.
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_selector("text=Utkastet är sparat")
    report.refresh_from_db()
    assert report.funds_explanation == "Skrivet precis innan databasen låste sig"
    assert report.funds_received_sek == 123456
    page.reload()
    assert page.locator("#local-draft-notice").is_hidden()
    assert (
        page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('stimulans:draft:'))")
        == []
    )


def test_typing_is_autosaved_and_a_save_right_after_is_no_conflict(browser, report, live_server):
    from stimulans.reporting.models import ReportAutosave

    page = browser.new_page()
    log_in(page, live_server.url, "alice", PASSWORD)
    edit_url = f"{live_server.url}/redovisning/r/{report.pk}/redigera/"
    page.goto(edit_url)
    explanation = page.locator("#f-funds_explanation")
    received = page.get_by_label("Erhållna stimulansmedel för året (kr)")

    def autosaved(action):
        with page.expect_response(lambda r: "/autospara/" in r.url, timeout=15000) as info:
            action()
        return info.value

    first = autosaved(lambda: explanation.fill("Autosparat"))
    assert first.status == 200
    # Only the changed input goes, URL-encoded, with the version.
    body = first.request.post_data
    assert first.request.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert "f-funds_explanation=Autosparat" in body
    assert "f-funds_received_sek" not in body and "attachment" not in body
    page.locator("#autosave-status:has-text('sparades automatiskt')").wait_for()
    assert_accessible(page)

    second = autosaved(lambda: received.fill("777"))
    assert second.status == 200  # based on the version the first autosave gave back
    assert "f-funds_explanation" not in second.request.post_data
    assert list(ReportAutosave.objects.order_by("version").values_list("changes", flat=True)) == [
        {"f-funds_explanation": ["Autosparat"]},
        {"f-funds_received_sek": ["777"]},
    ]

    # Reopened, the form shows the autosaved answers, without the local-copy notice.
    page.reload()
    assert explanation.input_value() == "Autosparat"
    assert received.input_value() == "777"
    assert page.locator("#local-draft-notice").is_hidden()

    # Typing and pressing "Spara utkast" at once: stored, whatever the autosave did meanwhile.
    explanation.fill("Slutligt")
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_selector("text=Utkastet är sparat")
    report.refresh_from_db()
    assert report.funds_explanation == "Slutligt"
    assert report.funds_received_sek == 777
    assert report.autosave_since is None
