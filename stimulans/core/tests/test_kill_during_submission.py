"""Killing the server in the middle of a submission leaves the old report, never a mix.

A real gunicorn serves a real database (a SQLite file, or a new PostgreSQL database when the
suite runs on PostgreSQL). The form's "Skicka in" saves the draft and shows the summary page;
the summary page's "Skicka in" submits. A failpoint pauses that submission after the new status
is written but before the transaction commits; the test kills the server there with SIGKILL,
then reads the database: the report must be exactly as saved before. After a restart the same
submission goes through whole.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from stimulans.lib.htmlforms import form_fields

pytestmark = pytest.mark.slow  # a server killed mid-request

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).parent / "gunicorn"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

SNAPSHOT = textwrap.dedent(
    """
    import json, django
    django.setup()
    from stimulans.reporting.models import Report
    r = Report.objects.get(organisation__kind="municipality", organisation__code="0180",
                           pot__part__slug="handlingsplaner-mobila",
                           pot__part__agreement__year=2020)
    print(json.dumps({
        "id": r.pk, "status": r.status, "version": r.version,
        "explanation": r.funds_explanation, "answers": r.answers,
        "initiatives": sorted([i.identifier, i.title, i.funds_sek]
                              for i in r.initiatives.all()),
        "history": r.history.count(),
    }))
    """
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def database(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = f"stimulans_fault_{uuid.uuid4().hex[:8]}"
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        yield url.rsplit("/", 1)[0] + "/" + name
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    else:
        yield f"sqlite:///{tmp_path / 'fault.db'}"


def environment(database_url, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STIMULANS_FAILPOINT")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        DJANGO_SETTINGS_MODULE="stimulans.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="fault-test-" + "s" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        DEMO_PASSWORD="demo",
        **extra,
    )
    return env


def snapshot(env):
    out = subprocess.run(
        [sys.executable, "-c", SNAPSHOT],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


class Server:
    def __init__(self, env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [
                GUNICORN,
                "stimulans.wsgi",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                "1",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        try:
            while time.monotonic() < deadline:
                try:
                    requests.get(self.url + "/healthz/", timeout=10)
                    return
                except requests.RequestException:
                    time.sleep(0.1)
            raise RuntimeError("gunicorn did not start")
        except BaseException:
            self.kill()  # never leave a server behind
            raise

    def kill(self):
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)


def open_report(server, report_id):
    s = requests.Session()
    page = s.get(server.url + "/konto/logga-in/")
    token = CSRF.search(page.text).group(1)
    r = s.post(
        server.url + "/konto/logga-in/",
        data={"username": "rapportor-0180", "password": "demo", "csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    assert r.status_code == 302, r.text[:500]
    page = s.get(f"{server.url}/redovisning/r/{report_id}/redigera/")
    assert page.status_code == 200
    return s, form_fields(page.text)


def submission(fields, text):
    data = [(k, v) for k, v in fields if k != "action"]
    data = [(k, text if k == "f-funds_explanation" else v) for k, v in data]
    return data + [("action", "submit")]


def save_and_summarise(session, server, report_id, fields, text):
    """The form's "Skicka in": saves the draft and shows the summary page; returns the summary
    page's fields (the version to submit)."""
    r = session.post(
        f"{server.url}/redovisning/r/{report_id}/redigera/",
        data=submission(fields, text),
        allow_redirects=False,
    )
    assert r.status_code == 302, r.text[:2000]
    confirm = f"{server.url}/redovisning/r/{report_id}/skicka-in/"
    assert r.headers["Location"] in (confirm, confirm.removeprefix(server.url))
    page = session.get(confirm)
    assert page.status_code == 200, page.text[:2000]
    return confirm, form_fields(page.text)


def test_killing_the_server_mid_submission_leaves_the_old_report(database, tmp_path):
    env = environment(database)
    for command in ("init", "demo"):
        subprocess.run(
            [sys.executable, "-m", "stimulans.cli", command],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    assert snapshot(env)["status"] == "draft"

    marker = tmp_path / "failpoint-reached"
    server = Server(
        environment(
            database,
            STIMULANS_FAILPOINTS="report.submit=pause:60",
            STIMULANS_FAILPOINT_MARKER=str(marker),
        )
    )
    try:
        session, fields = open_report(server, snapshot(env)["id"])
        report_id = snapshot(env)["id"]
        # The draft is saved by the form's "Skicka in"; the submission is the summary page's.
        confirm, summary = save_and_summarise(
            session, server, report_id, fields, "Ny förklaring före inskickningen"
        )
        before = snapshot(env)
        assert before["status"] == "draft"
        assert before["explanation"] == "Ny förklaring före inskickningen"
        thread = threading.Thread(
            target=lambda: _post_ignoring_errors(session, confirm, summary),
            daemon=True,
        )
        thread.start()
        for _ in range(300):
            if marker.exists():
                break
            time.sleep(0.1)
        assert marker.read_text() == "report.submit", "the submission never reached the failpoint"
    finally:
        server.kill()
    thread.join(timeout=10)

    assert snapshot(env) == before

    server = Server(env)
    try:
        session, fields = open_report(server, before["id"])
        confirm, summary = save_and_summarise(
            session, server, before["id"], fields, "Ny förklaring"
        )
        r = session.post(confirm, data=summary, allow_redirects=False)
        assert r.status_code == 302, r.text[:2000]
        assert r.headers["Location"].endswith(f"/redovisning/r/{before['id']}/")
    finally:
        server.kill()
    after = snapshot(env)
    assert after["status"] == "submitted"
    assert after["explanation"] == "Ny förklaring"
    assert after["initiatives"] == before["initiatives"]
    assert after["version"] == before["version"] + 2  # one save, one submission
    assert after["history"] == before["history"] + 2


def _post_ignoring_errors(session, url, data):
    try:
        session.post(
            url,
            data=data,
            allow_redirects=False,
            timeout=90,
        )
    except requests.RequestException:
        pass  # the server was killed under the request, as intended
