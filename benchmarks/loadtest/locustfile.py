"""The reporting deadline under load: reporters log in, open their report, save drafts every
few seconds (the page's autosave, and now and then the "Spara utkast" button) and submit;
coordinators and analysts read overviews.

Run through benchmarks/loadtest/run.py, which prepares the database and the server; the user
classes SaveOnlyUser, ButtonSaveOnlyUser and BaselineUser are the saturation runs (no think
time) that compare a draft autosave and a button save with the minimal view /healthz/.
"""

import itertools
import json
import os
import re

from locust import HttpUser, between, constant, task

from stimulans.lib.htmlforms import form_fields

ORG_CODES = os.environ.get("LOAD_ORGS", "").split(",")
_counter = itertools.count()
_sessions_file = os.environ.get("LOAD_SESSIONS", "/tmp/stimulans-load/sessions.json")
SESSIONS = json.load(open(_sessions_file)) if os.path.exists(_sessions_file) else {}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REPORT_LINK = re.compile(r'href="/redovisning/r/(\d+)/redigera/"')
NEW_VERSION = re.compile(r'id="report-version" value="(\d+)"')


def login(user, username, password):
    r = user.client.get("/konto/logga-in/", name="login page")
    token = CSRF.search(r.text).group(1)
    r = user.client.post(
        "/konto/logga-in/",
        {"username": username, "password": password, "csrfmiddlewaretoken": token},
        name="login",
        allow_redirects=False,
    )
    return r.status_code == 302


class ReporterBase(HttpUser):
    abstract = True
    use_prepared_session = False

    def on_start(self):
        n = next(_counter)
        username = f"last-{ORG_CODES[n % len(ORG_CODES)]}"
        if self.use_prepared_session:
            self.client.cookies.set("sessionid", SESSIONS[username]["session"])
        elif not login(self, username, "last"):
            raise RuntimeError(f"login failed for {username}")
        r = self.client.get("/redovisning/", name="my reports")
        match = REPORT_LINK.search(r.text)
        self.report_id = match.group(1) if match else None
        self.saves = 0
        self.submitted = False
        if self.report_id:
            self.open_report()

    def open_report(self):
        r = self.client.get(f"/redovisning/r/{self.report_id}/redigera/", name="open report")
        self.fields = form_fields(r.text)

    def autosave(self, name="draft autosave"):
        """What the report page's autosave posts a couple of seconds after typing stops: the
        input that changed and the version, URL-encoded, with htmx's header."""
        self.saves += 1
        fields = dict(self.fields)
        text = f"Beskrivning, version {self.saves}"
        with self.client.post(
            f"/redovisning/r/{self.report_id}/autospara/",
            data={"f-funds_explanation": text, "version": fields["version"]},
            # htmx sends the page's CSRF token (base.html: hx-headers) and its own header.
            headers={"HX-Request": "true", "X-CSRFToken": fields["csrfmiddlewaretoken"]},
            name=name,
            catch_response=True,
        ) as r:
            match = NEW_VERSION.search(r.text) if r.status_code == 200 else None
            if match is None:
                r.failure(f"status {r.status_code}")
                return r
            r.success()
            self.fields = [
                (k, match.group(1) if k == "version" else text if k == "f-funds_explanation" else v)
                for k, v in self.fields
            ]
            return r

    def save_draft(self, action="save", name="draft save (button)"):
        fields = [(k, v) for k, v in self.fields if k != "action"]
        self.saves += 1
        fields = [
            (k, f"Beskrivning, version {self.saves}") if k == "f-funds_explanation" else (k, v)
            for k, v in fields
        ]
        fields.append(("action", action))
        with self.client.post(
            f"/redovisning/r/{self.report_id}/redigera/",
            data=fields,
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code == 302:
                r.success()
                version = next(int(v) for k, v in self.fields if k == "version") + 1
                self.fields = [(k, str(version) if k == "version" else v) for k, v in fields]
                return r
            if action == "submit" and r.status_code == 400:
                r.success()  # validation problems listed: a normal answer
                self.fields = form_fields(r.text)
                return r
            r.failure(f"status {r.status_code}")
            return r


class ReporterUser(ReporterBase):
    weight = 8
    wait_time = between(2, 5)

    @task(10)
    def save(self):
        if self.report_id and not self.submitted:
            self.autosave()

    @task(2)
    def save_button(self):
        if self.report_id and not self.submitted:
            self.save_draft()

    @task(1)
    def submit(self):
        if self.report_id and not self.submitted and self.saves >= 5:
            # The form's "Skicka in" saves and leads to the summary page, whose own "Skicka
            # in" submits (checked against the version it showed).
            r = self.save_draft(action="submit", name="submit: save")
            if r.status_code == 302 and r.headers.get("Location", "").endswith("/skicka-in/"):
                url = f"/redovisning/r/{self.report_id}/skicka-in/"
                summary = self.client.get(url, name="submit: summary")
                r = self.client.post(
                    url, data=form_fields(summary.text), name="submit", allow_redirects=False
                )
                self.submitted = r.status_code == 302

    @task(1)
    def my_reports(self):
        self.client.get("/redovisning/", name="my reports")


class CoordinatorUser(HttpUser):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        login(self, "samordnare-01", "demo")

    @task
    def county_overview(self):
        self.client.get("/redovisning/2020/lan/", name="county overview")


class AnalystUser(HttpUser):
    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        login(self, "analytiker", "demo")

    @task(2)
    def completeness(self):
        self.client.get("/redovisning/2020/inlamning/", name="national completeness")

    @task(1)
    def part_analysis(self):
        self.client.get("/analys/2020/del/suicidprevention/", name="part analysis")


class SaveOnlyUser(ReporterBase):
    """Saturation: draft autosaves back to back. Starts from what setup_users.py prepared
    (session, CSRF secret, report and version) without loading a page, so that the measured
    window holds nothing but autosaves, as the baseline's holds nothing but the minimal view."""

    wait_time = constant(0)

    def on_start(self):
        prepared = SESSIONS[f"last-{ORG_CODES[next(_counter) % len(ORG_CODES)]}"]
        self.client.cookies.set("sessionid", prepared["session"])
        self.client.cookies.set("csrftoken", prepared["csrf"])
        self.report_id = prepared["report"]
        self.fields = [
            ("version", str(prepared["version"])),
            ("csrfmiddlewaretoken", prepared["csrf"]),
        ]
        self.saves = 0

    @task
    def save(self):
        self.autosave()


class ButtonSaveOnlyUser(ReporterBase):
    """Saturation: "Spara utkast" (the whole form, every answer and initiative written) back to
    back."""

    wait_time = constant(0)
    use_prepared_session = True

    @task
    def save(self):
        self.save_draft()


class BaselineUser(HttpUser):
    """Saturation baseline: the minimal view, back to back."""

    wait_time = constant(0)

    @task
    def healthz(self):
        self.client.get("/healthz/", name="minimal view")
