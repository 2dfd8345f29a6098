"""The national administrator's population page in a browser: a file for part of the country
is refused with the count and the way to replace the year on purpose; axe finds nothing."""

from stimulans.accounts.models import Role
from stimulans.test import PASSWORD, make_population, make_user
from stimulans.testing_browser import BROWSER_TEST, assert_accessible, log_in

pytestmark = BROWSER_TEST

PART = "region,ålder,2019\n0180 Stockholm,0 år,5\n0127 Botkyrka,0 år,6\n0380 Uppsala,0 år,7\n"


def test_admin_replaces_a_year_with_a_partial_file_only_on_purpose(
    browser, transactional_db, live_server, tmp_path
):
    from stimulans.organisations.models import PopulationDataset
    from stimulans.organisations.reference import load_organisations

    load_organisations()
    make_population(2019)
    make_user("adam", Role.NATIONAL_ADMIN)
    path = tmp_path / "folkmangd.csv"
    path.write_text(PART, encoding="utf-8")

    page = browser.new_page()
    log_in(page, live_server.url, "adam", PASSWORD)
    page.goto(live_server.url + "/organisationer/befolkning/")
    assert_accessible(page)
    page.get_by_label(
        "Befolkningstabell från SCB (CSV, JSON-stat eller PX-Web JSON)"
    ).set_input_files(str(path))
    page.get_by_role("button", name="Importera").click()
    alert = page.get_by_role("alert").first.inner_text()
    assert "organisationer har befolkningsuppgifter i dag men saknas i filen" in alert
    assert "Ersätt hela året" in alert
    assert_accessible(page)
    assert PopulationDataset.objects.get().figures.count() == 2 * 290

    page.get_by_label(
        "Befolkningstabell från SCB (CSV, JSON-stat eller PX-Web JSON)"
    ).set_input_files(str(path))
    page.get_by_label("Ersätt hela året").check()
    page.get_by_role("button", name="Importera").click()
    assert "Befolkningsuppgifter för 2019 är importerade" in page.inner_text("main")
    assert PopulationDataset.objects.get().figures.count() == 3
    page.close()
