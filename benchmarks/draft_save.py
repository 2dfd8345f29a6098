"""In-process cost of a draft save against the minimal view, on demand (not in `make test`).

    .venv/bin/python benchmarks/draft_save.py --db sqlite postgres --saves 300

Builds the load test's database (init, demo, the load-test reporters with their draft reports),
then, through Django's test client with a logged-in reporter (whole middleware stack, no
server, no network), takes the median time of:

- a draft autosave as the report page posts it (htmx, to /autospara/: the one input that
  changed and the version),
- a save through the form's "Spara utkast" button (the whole form, multipart),
- a request to the minimal view /healthz/;

prints the ratio of the medians and the SQL statements of one autosave. This is the diagnostic
behind the load test's throughput ratio (benchmarks/loadtest/run.py), which also counts the
server and the client.
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

CONTENT_TYPE = "application/x-www-form-urlencoded"
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "loadtest"))
sys.path.insert(0, str(HERE.parent))


def measure(db, saves):
    import run as loadtest  # benchmarks/loadtest/run.py: the same database as the load test

    loadtest.in_process(db, "draft_save", "in_process", saves)


def in_process(saves):
    import django
    import run as loadtest

    django.setup()
    from django.db import connection
    from django.test import Client

    from stimulans.accounts.models import User
    from stimulans.lib.htmlforms import form_fields
    from stimulans.reporting.models import Report

    user = User.objects.filter(username__startswith="last-municipality-").order_by("pk").first()
    report = Report.objects.get(organisation=user.organisation, pot__part__slug__contains="mobila")
    client = Client()
    client.force_login(user)
    url = f"/redovisning/r/{report.pk}/redigera/"
    autosave_url = f"/redovisning/r/{report.pk}/autospara/"
    fields = [(k, v) for k, v in form_fields(client.get(url).content.decode()) if k != "action"]
    state = {"n": 0, "version": int(dict(fields)["version"])}

    def post(autosave):
        state["n"] += 1
        data = {}
        for k, v in fields:
            if k == "f-funds_explanation":
                v = f"Beskrivning, version {state['n']}"
            elif k == "version":
                v = str(state["version"])
            data.setdefault(k, []).append(v)
        if autosave:  # the page's autosave: htmx, URL-encoded, the changed input and version
            body = {"f-funds_explanation": data["f-funds_explanation"], "version": data["version"]}
            response = client.post(
                autosave_url, urlencode(body, doseq=True), CONTENT_TYPE, HTTP_HX_REQUEST="true"
            )
        else:  # the save button: the whole form, multipart as a browser sends it
            data["action"] = ["save"]
            response = client.post(url, data)
        assert response.status_code in (200, 302), response.status_code
        state["version"] += 1

    def healthz():
        assert client.get("/healthz/").status_code == 200

    for _ in range(20):  # warm up: caches, connections, compiled templates
        post(True)
        healthz()
    statements = loadtest.statements_of(lambda: post(True))
    autosave_ms = loadtest.median_ms(lambda: post(True), saves)
    button_ms = loadtest.median_ms(lambda: post(False), saves)
    healthz_ms = loadtest.median_ms(healthz, saves)
    print(f"== {connection.vendor}: one autosave runs {len(statements)} SQL statements")
    for sql in statements:
        print("   ", sql[:110])
    print(f"autosave (htmx)      median {autosave_ms:6.2f} ms")
    print(f"save button (302)    median {button_ms:6.2f} ms")
    print(f"minimal view         median {healthz_ms:6.2f} ms")
    print(f"minimal view / autosave = {healthz_ms / autosave_ms:.0%}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], nargs="+", default=["sqlite"])
    parser.add_argument("--saves", type=int, default=300)
    args = parser.parse_args()
    for db in args.db:
        measure(db, args.saves)


if __name__ == "__main__":
    main()
