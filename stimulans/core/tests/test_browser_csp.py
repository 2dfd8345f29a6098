"""The Content-Security-Policy in a real browser: Debian's Chromium loads the main pages of
every role (the demo content) and records every `securitypolicyviolation` event and console
error; there must be none. The report form also autosaves and swaps in follow-up questions
(htmx), the API docs run Swagger UI."""

from io import StringIO

import pytest
from django.core.management import call_command

from stimulans.testing_browser import BROWSER_TEST, log_in

pytestmark = BROWSER_TEST

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""

PAGES = {
    None: ["/", "/konto/logga-in/", "/avtal/", "/analys/", "/oppna-data/"],
    "rapportor-0180": [
        "/",
        "/redovisning/",
        "/organisationer/municipality/0180/",
        "/handlingsplaner/",
        "/avtal/2020/",
        "/analys/",
        "/stod/behov/",
        "/konto/inbjudningar/",
        "/konto/organisationer/municipality/0180/anvandare/",
        "/konto/losenord/byt/",
        "/konto/tvafaktor/",
    ],
    "samordnare-01": [
        "/",
        "/redovisning/2020/lan/",
        "/redovisning/2020/granska/",
        "/redovisning/2020/granska/?status=",
        "/handlingsplaner/",
        "/analys/2020/",
        "/analys/2020/del/suicidprevention/?lan=01",
        "/analys/2020/indikatorer/",
        "/redovisning/exportera/",
        "/stod/dialoger/",
        "/stod/behov/",
        "/stod/behov/nytt/",
        "/konto/inbjudningar/",
    ],
    "analytiker": [
        "/analys/2020/",
        "/analys/2020/del/suicidprevention/",
        "/analys/2020/del/suicidprevention/insatser/",
        "/analys/2020/del/suicidprevention/svar/",
        "/analys/2020/del/suicidprevention/iakttagelser/",
        "/analys/2020/text/inledning/",
        "/analys/2020/indikatorer/",
        "/analys/2020/medel/",
        "/analys/2021/del/suicidprevention/",
        "/analys/utveckling/",
        "/analys/utveckling/indikatorer/",
        "/analys/utveckling/medel/",
        "/analys/utveckling/svar/suicidprevention/",
        "/redovisning/2020/inlamning/",
        "/stod/dialoger/",
        "/stod/behov/",
        "/stod/nationellt/?ar=2020",
        "/stod/atgarder/",
        "/utvardering/studier/",
        "/utvardering/arbetsplan/",
    ],
    "admin": [
        "/redovisning/2020/nytt-ar/",
        "/avtal/2021/",
        "/avtal/2021/redigera/",
        "/avtal/perioder/",
        "/avtal/perioder/ny/",
        "/redovisning/2020/enkater/",
        "/redovisning/importera/",
        "/organisationer/befolkning/",
        "/konto/inbjudningar/",
        "/konto/logg/",
        "/admin/",
        "/admin/accounts/user/",
        "/admin/accounts/user/1/change/",
        "/api/docs/",
    ],
}


@pytest.fixture
def demo(transactional_db):
    call_command("init", stdout=StringIO())
    call_command("demo", stdout=StringIO())


def _visit(page, url, problems):
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    page.wait_for_load_state("networkidle")
    problems.extend(f"{url}: {v}" for v in page.evaluate("window.__csp"))


def test_the_main_pages_of_every_role_break_no_policy(browser, demo, live_server):
    from stimulans.plans.models import ActionPlan
    from stimulans.reporting.models import Report

    plan = ActionPlan.objects.order_by("pk").first().pk
    draft = Report.objects.get(
        organisation__kind="municipality", organisation__code="0180", status="draft"
    ).pk
    pages = {username: list(paths) for username, paths in PAGES.items()}
    pages["rapportor-0180"].append(f"/handlingsplaner/{plan}/")
    pages["samordnare-01"] += [
        f"/handlingsplaner/{plan}/",
        "/handlingsplaner/importera/",
    ]
    problems = []
    for username, paths in pages.items():
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.on(
            "console",
            lambda msg, username=username: (
                msg.type == "error"
                # Chromium asks for /favicon.ico on pages without an icon (Django's admin).
                and not msg.location.get("url", "").endswith("/favicon.ico")
                and problems.append(f"{username}: {msg.text} ({msg.location.get('url')})")
            ),
        )
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on(
            "response",
            lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"),
        )
        if username:
            log_in(page, live_server.url, username, "demo")
            page.wait_for_load_state("networkidle")
        for path in paths:
            _visit(page, live_server.url + path, problems)
        if username == "rapportor-0180":
            # The report form: htmx autosaves and swaps in follow-up questions.
            page.goto(f"{live_server.url}/redovisning/r/{draft}/redigera/")
            page.wait_for_selector("#report-form")
            page.locator("#report-form textarea").first.fill("Ett svar")
            page.wait_for_selector("#autosave-status:has-text('sparades automatiskt')")
            page.locator("#report-form input[type=radio]").first.check()
            page.wait_for_load_state("networkidle")
            problems.extend(f"report form: {v}" for v in page.evaluate("window.__csp"))
        if username == "admin":
            page.goto(live_server.url + "/api/docs/")
            page.wait_for_selector(".swagger-ui .info", timeout=15000)
            problems.extend(f"swagger: {v}" for v in page.evaluate("window.__csp"))
        context.close()
    assert problems == []
