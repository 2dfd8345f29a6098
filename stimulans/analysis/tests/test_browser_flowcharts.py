"""The flowchart and text group pages in Chromium: accessible (axe, WCAG 2.1 AA), no policy
violation, and merging two groups through the htmx-boosted form."""

from io import StringIO

import pytest
from django.core.management import call_command

from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


@pytest.fixture
def category(transactional_db):
    from stimulans.funds.models import Category
    from stimulans.reporting.models import Initiative, Report

    call_command("init", stdout=StringIO())
    call_command("demo", stdout=StringIO())
    category = Category.objects.get(
        pot__part__agreement__year=2020,
        pot__part__slug="suicidprevention",
        slug="kunskap-kompetens",
    )
    report = Report.objects.counted().filter(pot=category.pot).first()
    for n, activity in enumerate(["Utbildning i MHFA för personal", "Föreläsning om suicid"]):
        Initiative.objects.create(
            report=report, category=category, identifier=f"flow{n}", activities=activity
        )
    return category


def test_merge_groups_in_the_browser(browser, category, live_server):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    log_in(page, live_server.url, "analytiker", "demo")
    base = f"{live_server.url}/analys/2020/del/suicidprevention/floden/"
    for url in (base, f"{base}{category.pk}/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert_accessible(page)
    assert page.locator("figure.flowchart svg").is_visible()
    page.goto(f"{base}{category.pk}/grupper/")
    assert_accessible(page)
    section = page.locator("section#activities")
    section.get_by_label("Utbildning i MHFA för personal").check()
    section.get_by_label("Föreläsning om suicid").check()
    section.get_by_label("Benämning").fill("Utbildningar")
    section.get_by_role("button", name="Slå ihop eller byt namn").click()
    page.wait_for_selector("text=Grupperna är sparade.")
    assert page.locator("section#activities th", has_text="Utbildningar").count() == 1
    assert page.locator("section#activities", has_text="Föreläsning om suicid").count() == 1
    assert page.evaluate("window.__csp") == []
    context.close()
