"""A day of coding in Chromium: ten initiatives in a row with the keyboard only (the form's
first field, arrow keys, Ctrl+Enter to save and go to the next), WCAG 2.1 AA (axe)."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST


@pytest.fixture
def initiatives(transactional_db):
    from stimulans.analysis.tests.helpers import county_org, make_initiative, make_report
    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.reference import load_organisations

    load_organisations()
    agreement = load_agreement_2020()
    pot = agreement.parts.get(slug="suicidprevention").pots.get(recipient_kind="county")
    report = make_report(county_org("01"), pot)
    made = [make_initiative(report, activities=f"Aktivitet nummer {i}") for i in range(11)]
    make_user("anna", Role.ANALYST)
    return made


def test_ten_initiatives_in_a_row_with_the_keyboard(browser, initiatives, live_server):
    from stimulans.analysis.models import InitiativeCoding
    from stimulans.coding.models import CoderCode

    page = browser.new_page()
    log_in(page, live_server.url, "anna", PASSWORD)
    page.goto(live_server.url + "/kodning/2020/suicidprevention/ko/?ko=okodade")
    assert "0 / 11" in page.inner_text("main")
    page.get_by_role("link", name=str(initiatives[0])).first.click()
    assert_accessible(page)
    for i in range(10):
        page.wait_for_url(f"**/insats/{initiatives[i].pk}/?ko=okodade")
        assert f"Aktivitet nummer {i}" in page.inner_text("main")
        page.keyboard.press("s")  # to the form's first field: the category
        assert page.evaluate("document.activeElement.name") == "category"
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Control+Enter")
    # The queue of the not yet coded went on to the eleventh, the only one left.
    page.wait_for_url(f"**/insats/{initiatives[10].pk}/?ko=okodade")
    assert InitiativeCoding.objects.filter(category__isnull=False).count() == 10
    assert CoderCode.objects.filter(coder__username="anna").count() == 10
    page.keyboard.press("l")
    page.wait_for_url("**/ko/?ko=okodade")
    assert "10 / 11" in page.inner_text("main")
    assert_accessible(page)
    page.close()


def test_overview_and_codebook_are_accessible(browser, initiatives, live_server):
    from stimulans.accounts.models import User
    from stimulans.coding.codings import save_code
    from stimulans.coding.sampling import draw_sample
    from stimulans.coding.suggestions import suggest

    anna = User.objects.get(username="anna")
    berit = User.objects.create(username="berit", role="analyst")
    part = initiatives[0].report.pot.part
    categories = list(initiatives[0].report.pot.categories.all())
    draw_sample(part, 1, berit, anna, number=4)
    for i, initiative in enumerate(initiatives[:8]):
        save_code(initiative, anna, {"category": categories[i % 2]})
        save_code(initiative, berit, {"category": categories[i % 3 % 2]})
    suggest(part)
    page = browser.new_page()
    log_in(page, live_server.url, "anna", PASSWORD)
    page.goto(live_server.url + "/kodning/2020/suicidprevention/")
    assert "Oenigheter att avgöra" in page.inner_text("main")
    assert_accessible(page)
    page.goto(live_server.url + "/kodning/2020/suicidprevention/kodbok/")
    assert_accessible(page)
    page.goto(live_server.url + "/kodning/2020/suicidprevention/ko/?ko=forslag")
    assert_accessible(page)
    page.goto(live_server.url + f"/kodning/2020/suicidprevention/insats/{initiatives[9].pk}/")
    assert "Förslaget blir aldrig en kodning av sig självt" in page.inner_text("main")
    assert_accessible(page)
    page.close()


def test_note_with_htmx_and_a_refused_stale_edit(browser, initiatives, live_server):
    from stimulans.accounts.models import User
    from stimulans.coding.models import CodingNote
    from stimulans.coding.notes import save_note

    page = browser.new_page()
    log_in(page, live_server.url, "anna", PASSWORD)
    url = live_server.url + f"/kodning/2020/suicidprevention/insats/{initiatives[0].pk}/"
    page.goto(url + "?ko=okodade")
    page.get_by_role("textbox", name="Anteckning om kodningen").fill("Fråga länet om målgruppen.")
    page.keyboard.press("Control+Enter")  # in the note: saves the note, not the coding
    page.get_by_text("Anteckningen är sparad.").wait_for()
    assert page.url.endswith(f"/insats/{initiatives[0].pk}/?ko=okodade")
    assert CodingNote.objects.get().body == "Fråga länet om målgruppen."
    # Someone else saves; this page's edit is refused and shows both versions.
    save_note(initiatives[0], "Adams anteckning.", 1, User.objects.create(username="adam"))
    page.get_by_role("textbox", name="Anteckning om kodningen").fill("Annas nya text.")
    page.get_by_role("button", name="Spara anteckningen").click()
    page.get_by_role("heading", name="Den sparade anteckningen").wait_for()
    assert "Adams anteckning." in page.inner_text("#anteckning")
    assert (
        page.get_by_role("textbox", name="Anteckning om kodningen").input_value()
        == "Annas nya text."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Spara anteckningen").click()
    page.get_by_text("Anteckningen är sparad.").wait_for()
    assert CodingNote.objects.get().body == "Annas nya text."
    page.close()
