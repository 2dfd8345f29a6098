"""In-process cost of the status pages read over and over at the deadline, on demand (not in
`make test`).

    .venv/bin/python benchmarks/status_pages.py --db sqlite postgres --runs 100

Builds the load test's database (init, demo, one reporter per municipality and region with a
draft report: benchmarks/loadtest/run.py) and, through Django's test client (whole middleware
stack, no server), takes the median time and the number of SQL statements of:

- the county overview of the demo's county coordinator (every pot of the year, one county),
- the national completeness page of the demo's analyst (every pot, every county).
"""

import argparse
import functools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "loadtest"))
sys.path.insert(0, str(HERE.parent))


def measure(db, runs):
    import run as loadtest  # benchmarks/loadtest/run.py: the same database as the load test

    loadtest.in_process(db, "status_pages", "in_process", runs)


def in_process(runs):
    import django
    import run as loadtest

    django.setup()
    from django.db import connection
    from django.test import Client

    from stimulans.accounts.models import User

    pages = [  # the demo's users, as in the load test
        ("county overview", "samordnare-01", "/redovisning/2020/lan/"),
        ("national completeness", "analytiker", "/redovisning/2020/inlamning/"),
    ]
    print(f"== {connection.vendor}")
    for name, username, url in pages:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for _ in range(5):  # warm up: connections, compiled templates
            assert client.get(url).status_code == 200
        page = functools.partial(client.get, url)
        statements = loadtest.statements_of(page)
        median = loadtest.median_ms(page, runs)
        print(f"{name:22} median {median:7.2f} ms, {len(statements)} SQL statements")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], nargs="+", default=["sqlite"])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    for db in args.db:
        measure(db, args.runs)


if __name__ == "__main__":
    main()
