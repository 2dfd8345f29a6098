"""Any screen: at 390 px wide (a phone) the report form, the county overview and the status
report do not scroll sideways (wide tables scroll inside their own container), and axe finds
no violations on the pages with charts. Debian's Chromium through Playwright, the demo data."""

from io import StringIO

import pytest
from django.core.management import call_command

from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST

PHONE = {"width": 390, "height": 844}

OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1
                   && !(e.parentElement && e.parentElement.closest(".scroll, figure"))
                   && !e.closest("details:not([open]), .visually-hidden, .skip-link"))
    .slice(0, 8)
    .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("init", stdout=StringIO())
    call_command("demo", stdout=StringIO())


def _fits(page, url):
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    page.wait_for_load_state("networkidle")
    width = page.evaluate(OVERFLOW)
    assert width["scroll"] <= width["client"], (url, width)


def _page(browser, live_server, username):
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, live_server.url, username, "demo")
    page.wait_for_load_state("networkidle")
    return page


def test_the_daily_pages_fit_a_phone_and_the_charts_are_accessible(browser, demo, live_server):
    from stimulans.reporting.models import Report

    draft = Report.objects.get(
        organisation__kind="municipality", organisation__code="0180", status="draft"
    ).pk
    base = live_server.url
    page = _page(browser, live_server, "rapportor-0180")
    _fits(page, base + "/")
    _fits(page, f"{base}/redovisning/r/{draft}/redigera/")
    page.context.close()

    page = _page(browser, live_server, "samordnare-01")
    for path in ("/", "/redovisning/2020/lan/", "/redovisning/2020/granska/?status="):
        _fits(page, base + path)
    page.context.close()

    page = _page(browser, live_server, "analytiker")
    for path in ("/analys/2020/", "/redovisning/2020/inlamning/"):
        _fits(page, base + path)
    # The chart pages, at a desktop width too: every chart named, no violation.
    page.set_viewport_size({"width": 1280, "height": 900})
    for path in (
        "/analys/2020/",
        "/analys/2020/indikatorer/",
        "/analys/2020/del/suicidprevention/",
        "/analys/2020/del/suicidprevention/svar/",
        "/analys/2020/del/suicidprevention/insatser/",
        "/analys/2020/medel/",
    ):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("svg[role=img]:not([aria-label])").count() == 0, path
        assert_accessible(page)
