"""The initiatives import against a floor of raw inserts, on demand (not in `make test`).

    .venv/bin/python benchmarks/import_initiatives.py --db sqlite --rows 20000 --runs 3
    .venv/bin/python benchmarks/import_initiatives.py --db postgres --rows 20000 --runs 3

Builds a fresh database (SQLite in a temporary directory, or the PostgreSQL database named by
`--pg-url`, dropped and created again), with the reference organisations and the 2020
agreement, and a CSV file of `--rows` initiatives spread over every pot and organisation of the
agreement (one report per organisation and pot, like the old tool's yearly export). Each run
starts from empty report tables and takes:

- **import**: `stimulans.reporting.imports.import_initiatives(file)`, as the command and the
  web page call it: reading and checking the whole file, then writing the reports, the
  initiatives and a history row for each;
- **re-import**: the same file again, which changes nothing;
- **floor**: the DB-API driver's `executemany` (sqlite3, psycopg) of the same report and
  initiative rows and their history rows, prepared in memory beforehand, into the same tables
  (same columns, indexes and constraints), in one transaction.

It prints the medians, the ratio import / floor, and the SQL statements of one import.
"""

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TABLES = ["initiative", "report"]  # children first, for emptying


def setup(db, directory, pg_url):
    if db == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'import.sqlite3'}"
    else:
        import psycopg

        base, name = pg_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
            c.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = pg_url
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from stimulans.funds.services import load_agreement_2020
    from stimulans.organisations.reference import load_organisations

    call_command("migrate", verbosity=0)
    load_organisations()
    load_agreement_2020()


def make_file(rows):
    """A CSV file of `rows` initiatives, spread evenly over every (pot, organisation)."""
    from stimulans.funds.models import Pot
    from stimulans.organisations.models import Organisation
    from stimulans.reporting.imports import INITIATIVE_COLUMNS

    pots = list(Pot.objects.select_related("part").prefetch_related("categories"))
    slots = [
        (pot, org)
        for pot in pots
        for org in Organisation.objects.filter(kind=pot.recipient_kind).order_by("code")
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*INITIATIVE_COLUMNS, "title"])
    for i in range(rows):
        pot, org = slots[i % len(slots)]
        categories = [c.slug for c in pot.categories.all()]
        writer.writerow(
            [
                2020,
                pot.part.slug,
                org.kind,
                org.code,
                f"I{i // len(slots) + 1}",
                categories[i % len(categories)] if categories else "",
                f"Aktiviteter för insats {i}: utbildning och handledning",
                "Bättre tillgänglighet",
                f"{i % 40} kurser",
                "Kortare väntetider",
                "target_group" if i % 2 else "organisation",
                "true" if i % 3 else "false",
                100_000 + i,
                "implemented" if i % 2 else "planned",
                "true",
                f"Insats {i}",
            ]
        )
    return out.getvalue().encode("utf-8"), len({(p.pk, o.pk) for p, o in slots[:rows]})


def empty_tables():
    from django.db import connection, transaction

    from stimulans.reporting.models import Initiative, Report

    with transaction.atomic(), connection.cursor() as c:
        for model in (Initiative, Report):
            c.execute(f"DELETE FROM {model.history.model._meta.db_table}")
            c.execute(f"DELETE FROM {model._meta.db_table}")


def floor_rows(data):
    """The rows the import writes, as tuples for executemany: {table: (columns, [rows])}."""
    from django.db import connection
    from django.utils import timezone

    from stimulans.reporting.imports import parse_initiatives
    from stimulans.reporting.models import Initiative, Report, ReportStatus

    def prepared(obj, fields):
        return tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields)

    now = timezone.now()
    reports, initiatives = {}, []
    for _line, org, pot, values in parse_initiatives(data):
        key = (org.pk, pot.pk)
        if key not in reports:
            reports[key] = Report(
                pk=len(reports) + 1,
                organisation=org,
                pot=pot,
                status=ReportStatus.SUBMITTED,
                imported=True,
                submitted_at=now,
            )
        initiatives.append(
            Initiative(pk=len(initiatives) + 1, report=reports[key], order=0, **values)
        )
    out = {}
    for model, objs in ((Report, list(reports.values())), (Initiative, initiatives)):
        fields = model._meta.concrete_fields
        history = model.history.model
        history_fields = [f for f in history._meta.concrete_fields if f.name != "history_id"]
        rows, history_rows = [], []
        for obj in objs:
            rows.append(prepared(obj, fields))
            entry = history(
                history_date=now,
                history_type="+",
                history_user=None,
                **{f.attname: getattr(obj, f.attname) for f in fields},
            )
            history_rows.append(prepared(entry, history_fields))
        out[model._meta.db_table] = ([f.column for f in fields], rows)
        out[history._meta.db_table] = ([f.column for f in history_fields], history_rows)
    return out


def floor(rows):
    """executemany of every table's rows through the driver's own connection, one transaction."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    mark = "?" if connection.vendor == "sqlite" else "%s"
    start = time.perf_counter()
    cursor = raw.cursor()
    if connection.vendor == "sqlite":
        cursor.execute("BEGIN IMMEDIATE")
    quote = connection.ops.quote_name
    for table, (columns, values) in rows.items():
        cursor.executemany(
            f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})",
            values,
        )
    raw.commit()
    return time.perf_counter() - start


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--pg-url", default="postgres://postgres@127.0.0.1:5432/stimulans_import_bench"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup(args.db, Path(tmp), args.pg_url)
        from django.db import connection

        from stimulans.reporting.imports import import_initiatives
        from stimulans.reporting.models import Initiative

        data, reports = make_file(args.rows)
        rows = floor_rows(data)
        print(
            f"{connection.vendor}: {args.rows} initiatives in {reports} reports "
            f"({len(data) / 1e6:.1f} MB of CSV), {args.runs} runs"
        )
        times = {"import": [], "re-import": [], "floor": []}
        statements = None
        for run in range(args.runs):
            empty_tables()
            if run == 0:
                recorded = []

                def record(execute, sql, params, many, context, recorded=recorded):
                    recorded.append(sql)
                    return execute(sql, params, many, context)

                with connection.execute_wrapper(record):
                    elapsed, result = timed(lambda: import_initiatives(data))
                statements = len(recorded)
            else:
                elapsed, result = timed(lambda: import_initiatives(data))
            assert result.created == args.rows, result
            assert Initiative.history.count() == args.rows
            times["import"].append(elapsed)
            elapsed, result = timed(lambda: import_initiatives(data))
            assert not result.changed, result
            times["re-import"].append(elapsed)
            empty_tables()
            times["floor"].append(floor(rows))
            assert Initiative.history.count() == args.rows
        medians = {k: statistics.median(v) for k, v in times.items()}
        for name, value in medians.items():
            label = f"{name} (median)"
            print(f"{label:<22} {value:8.2f} s  {args.rows / value:9.0f} rows/s")
        print(f"ratio import / floor:  {medians['import'] / medians['floor']:.1f}")
        print(f"ratio re-import / floor: {medians['re-import'] / medians['floor']:.1f}")
        print(f"SQL statements of one import: {statements} ({statements / args.rows:.3f} per row)")


if __name__ == "__main__":
    main()
