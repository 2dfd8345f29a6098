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
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "loadtest"))
sys.path.insert(0, str(HERE.parent))


def measure(db, runs):
    import run as loadtest  # benchmarks/loadtest/run.py: the same database as the load test

    loadtest.in_process(db, "status_pages", "in_process", runs)


def in_process(runs):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from stimulans.accounts.models import User

    pages = [  # the demo's users, as in the load test
        ("county overview", "samordnare-01", "/redovisning/2020/lan/"),
        ("national completeness", "analytiker", "/redovisning/2020/inlamning/"),
    ]
    print(f"== {connection.vendor}")
    queries = []  # counted as draft_save.py does (a request resets connection.queries)

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    for name, username, url in pages:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for _ in range(5):  # warm up: connections, compiled templates
            assert client.get(url).status_code == 200
        queries.clear()
        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        print(
            f"{name:22} median {statistics.median(times) * 1000:7.2f} ms, "
            f"{len(queries)} SQL statements"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], nargs="+", default=["sqlite"])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    for db in args.db:
        measure(db, args.runs)


if __name__ == "__main__":
    main()
