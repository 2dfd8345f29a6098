"""Browser test of the new-year flow: the national administrator copies 2020 as 2021, renames a
part and a category (keeping its predecessor), with axe checking WCAG 2.1 AA on each page."""

import pytest

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible

pytestmark = BROWSER_TEST


@pytest.fixture
def admin(transactional_db):
    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.reference import load_organisations

    load_organisations()
    load_agreement_2020()
    return make_user("adam", Role.NATIONAL_ADMIN)


def test_the_administrator_starts_2021_from_2020(browser, admin, live_server):
    from stimulans.funds.models import AgreementPart, Category

    base = live_server.url
    page = browser.new_page()
    page.goto(base + "/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("adam")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.goto(base + "/avtal/2020/")
    assert_accessible(page)
    page.get_by_role("link", name="Starta nästa år från den här överenskommelsen").click()
    assert_accessible(page)
    page.get_by_label("Nytt år").fill("2021")
    page.get_by_role("button", name="Kopiera överenskommelsen").click()
    page.wait_for_url(base + "/avtal/2021/")
    part = AgreementPart.objects.get(agreement__year=2021, slug="suicidprevention")
    page.goto(base + f"/avtal/2021/delar/{part.pk}/")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Psykisk hälsa och suicidprevention")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(base + "/avtal/2021/")
    page.get_by_role("link", name="Suicidpreventiva handlingsplaner").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("Handlingsplaner")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(base + "/avtal/2021/")
    page.goto(base + "/avtal/2021/")
    assert_accessible(page)
    assert page.get_by_role("heading", name="Psykisk hälsa och suicidprevention").is_visible()
    renamed = Category.objects.get(pot__part__agreement__year=2021, title="Handlingsplaner")
    (old,) = renamed.predecessors.all()
    assert (old.title, old.pot.part.agreement.year) == ("Suicidpreventiva handlingsplaner", 2020)
