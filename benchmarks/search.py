"""Benchmark of the analysts' workbench search. Run on demand, not part of the test suite:

    .venv/bin/python benchmarks/search.py [--sizes 3000 30000] [--runs 7]
    .venv/bin/python benchmarks/search.py --postgres postgres://postgres@127.0.0.1:5432/postgres

Builds a throw-away database (SQLite in a temporary directory; with --postgres a database
`stimulans_search_benchmark` created and dropped on that server), creates the full-text index
(`analysis.search_index.install`, as the migration does) and fills one part (suicide prevention,
the county pot) with synthetic initiatives, growing it to each size in turn. At each size it
measures the workbench page (`/analys/<year>/del/<part>/insatser/`) in process with the test
client, as an analyst: the first page without a query, a common word, a rare word, a word with
a county filter, the last page of the common word and the page 90 % down its list (keyset
pages: the links name the row a page follows), the last page's ids query by OFFSET as the page
read it before and by keyset; beside them the minimal view
(`/healthz/`) as the baseline of the same run, and the older search (every initiative of the
part read and matched in Python, `analysis.search.matches`) for comparison.

Prints medians of the processor time (with the individual timings, and the wall clock's median)
and, at the end, each measurement's ratio between the largest and the smallest size (goal:
within 2x).
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis import ROOT, DisableMigrations, text  # noqa: E402

sys.path.insert(0, str(ROOT))

PG_NAME = "stimulans_search_benchmark"


def setup(database_url):
    import os

    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.MIGRATION_MODULES = DisableMigrations()
    settings.ALLOWED_HOSTS = ["*"]
    settings.SECOND_FACTOR_REQUIRED_ROLES = []  # the benchmark measures pages, not sign-in
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", run_syncdb=True, verbosity=0)
    from stimulans.analysis.search_index import install

    install(connection)


def measure(label, runs, fn):
    """The median processor time of `fn` (the machine is shared: the wall clock also counts
    the waits for a core); the wall clock's median is printed beside it."""
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(cpu)
    each = ", ".join(f"{t * 1000:.1f}" for t in cpu)
    print(
        f"  {label}: processor time median {median * 1000:.1f} ms ({each}); "
        f"wall clock median {statistics.median(timings) * 1000:.1f} ms"
    )
    return median


def grow(pot, reports, size, rng):
    """Add initiatives to the part's reports until it holds `size`."""
    from stimulans.reporting.models import Initiative

    have = Initiative.objects.filter(report__pot=pot).count()
    categories = list(pot.categories.all())
    rows = []
    for n in range(have, size):
        report = reports[n % len(reports)]
        rare = n % 1000 == 7  # one in a thousand mentions the rare word
        rows.append(
            Initiative(
                report=report,
                identifier=f"b{n}",
                order=n,
                category=rng.choice(categories),
                title=text(rng, 4),
                activities=text(rng, 20) + (" Lotsverksamhet." if rare else ""),
                goals=text(rng, 12),
                outputs=text(rng, 12),
                effects=text(rng, 15) if rng.random() < 0.6 else "",
                effect_level=rng.choice(["organisation", "target_group", ""]),
                funds_sek=rng.randint(0, 1_000_000),
            )
        )
    Initiative.objects.bulk_create(rows, batch_size=2000)


def old_search(part, query):
    """The workbench search before the index: every initiative of the part matched in Python."""
    from stimulans.analysis.search import matches, query_stems
    from stimulans.reporting.models import Initiative

    stems = query_stems(query)
    return [
        pk
        for pk, *texts in Initiative.objects.counted()
        .filter(report__pot__part=part)
        .with_effective_coding()
        .values_list("pk", "title", "activities", "goals", "outputs", "effects")
        if matches(stems, " ".join(texts))
    ]


def run(sizes, runs):
    from django.core.paginator import Paginator
    from django.test import Client

    from stimulans.accounts.models import Role, User
    from stimulans.analysis.search import keyset_page, workbench_initiatives
    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations
    from stimulans.reporting.models import Report

    rng = random.Random(2020)
    load_organisations()
    agreement = load_agreement_2020()
    part = agreement.parts.get(slug="suicidprevention")
    pot = part.pots.get(recipient_kind="county")
    reports = Report.objects.bulk_create(
        Report(organisation=org, pot=pot, status="submitted")
        for org in Organisation.objects.filter(kind="county")
    )
    client = Client()
    client.force_login(User.objects.create(username="analytiker", role=Role.ANALYST))
    url = f"/analys/{agreement.year}/del/{part.slug}/insatser/"
    pages = {
        "first page, no query": {},
        "common word (samverkan)": {"q": "samverkan"},
        "rare word (lotsverksamhet)": {"q": "lotsverksamhet"},
        "two words and a county": {"q": "samverkan skolor", "lan": "01"},
        "last page of the common word (keyset)": {"q": "samverkan", "sida": "sista"},
    }
    results = {}
    for size in sizes:
        start = time.perf_counter()
        grow(pot, reports, size, rng)
        print(f"{size} initiatives in the part (added in {time.perf_counter() - start:.1f} s):")
        assert client.get(url).status_code == 200
        row = {
            "minimal view /healthz/": measure(
                "minimal view /healthz/", runs * 3, lambda: client.get("/healthz/")
            )
        }
        for label, params in pages.items():
            row[label] = measure(label, runs, lambda p=params: client.get(url, p))
        # The page after the row 90 % down the common word's list, by its key (the "Nästa" link
        # there), and the same depth by OFFSET as the page read it before (Paginator).
        common = workbench_initiatives(part, {"q": "samverkan"})
        ids = list(common.values_list("pk", flat=True))
        deep = {"q": "samverkan", "efter": str(ids[len(ids) * 9 // 10])}
        row["page 90 % down the common word (keyset)"] = measure(
            "page 90 % down the common word (keyset)", runs, lambda d=deep: client.get(url, d)
        )
        row["last page by OFFSET, ids query only (before)"] = measure(
            "last page by OFFSET, ids query only (before)",
            runs,
            lambda c=common: list(
                Paginator(c.values_list("pk", flat=True), 50).get_page(999999).object_list
            ),
        )
        row["last page by keyset, ids query only"] = measure(
            "last page by keyset, ids query only",
            runs,
            lambda c=common: keyset_page(c, 50, last=True),
        )
        row["older search in Python (samverkan)"] = measure(
            "older search in Python (samverkan)",
            max(3, runs // 2),
            lambda: old_search(part, "samverkan"),
        )
        results[size] = row
    small, large = results[min(sizes)], results[max(sizes)]
    print(f"Ratios {max(sizes)} / {min(sizes)} initiatives (goal for the workbench: within 2x):")
    for label in small:
        print(f"  {label}: {large[label] / small[label]:.2f}x")
    pages = [*pages, "page 90 % down the common word (keyset)"]
    return all(large[label] / small[label] <= 2 for label in pages)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", metavar="URL", help="a server's maintenance database URL")
    args = parser.parse_args(argv)
    if args.postgres:
        import psycopg

        base = args.postgres.rsplit("/", 1)[0]
        with psycopg.connect(args.postgres, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            c.execute(f"CREATE DATABASE {PG_NAME}")
        try:
            setup(f"{base}/{PG_NAME}")
            ok = run(sorted(args.sizes), args.runs)
        finally:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(args.postgres, autocommit=True) as c:
                c.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            setup(f"sqlite:///{Path(tmp) / 'benchmark.sqlite3'}")
            ok = run(sorted(args.sizes), args.runs)
    print("Goal (within 2x):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
