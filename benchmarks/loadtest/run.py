"""Load test of the reporting deadline, on demand (not part of `make test`).

    .venv/bin/python benchmarks/loadtest/run.py --db sqlite --users 50 200 --duration 60
    .venv/bin/python benchmarks/loadtest/run.py --db postgres --users 50 200 --duration 60

For each database it builds a fresh database (init, demo, one reporter per municipality and
region with a draft report), serves the product with gunicorn on 127.0.0.1 (production-like:
DEBUG off), and runs locust headless from this machine:

1. "mix": reporters log in, open their report, save drafts every 2–5 s (mostly the page's
   autosave, sometimes the "Spara utkast" button) and submit after five saves; coordinators
   and analysts read overviews. Gives p50/p95/p99 of both kinds of draft save.
2. "saturation": draft autosaves back to back (SaveOnlyUser), "Spara utkast" saves back to back
   (ButtonSaveOnlyUser) and the minimal view /healthz/ back to back (BaselineUser), same users,
   same server: gives the throughput ratios.

Results go to benchmarks/out/ (locust CSVs) and a summary table is printed (medians are
locust's own percentiles over every request of the run). `--repeat N` runs the scenarios N
times in turn and gives the throughput ratios of the median runs: on this shared 2-core machine
one run's requests a second vary by ±10 %. PostgreSQL is reached over TCP on loopback by
default (`--pg-host /var/run/postgresql` for its Unix socket).
"""

import argparse
import csv
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
HERE = Path(__file__).resolve().parent
OUT = ROOT / "benchmarks" / "out"
PORT = 8123
AUTOSAVE = "draft autosave"
BUTTON = "draft save (button)"
OVERVIEWS = ["county overview", "national completeness"]  # the coordinators' and analysts'
PG_HOST = "127.0.0.1"  # or Debian's Unix socket directory, /var/run/postgresql


def sh(args, env, **kw):
    return subprocess.run(args, env=env, check=True, cwd=ROOT, **kw)


def server_env():
    """The environment of the product under test: production-like (DEBUG off)."""
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="stimulans.settings",
        DEBUG="0",
        SECRET_KEY="load-test-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DEMO_PASSWORD="demo",
    )


def prepare_database(db, env, pg_host=PG_HOST):
    sessions = Path("/tmp/stimulans-load-sessions")  # the session cache of the run's server
    shutil.rmtree(sessions, ignore_errors=True)
    env["SESSION_CACHE_DIR"] = str(sessions)
    if db == "sqlite":
        path = Path("/tmp/stimulans-load/load.db")
        shutil.rmtree(path.parent, ignore_errors=True)
        path.parent.mkdir(parents=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute("DROP DATABASE IF EXISTS stimulans_load")
            c.execute("CREATE DATABASE stimulans_load")
        # A directory is a Unix socket (the server on the same machine), else a TCP host.
        env["DATABASE_URL"] = f"postgres://postgres@{quote(pg_host, safe='')}:5432/stimulans_load"
    sh([BIN / "stimulans", "init"], env, stdout=subprocess.DEVNULL)
    sh([BIN / "stimulans", "demo"], env, stdout=subprocess.DEVNULL)
    sh([BIN / "python", HERE / "setup_users.py"], env)
    if db == "postgres":
        # Settle the new database before measuring, as a running one is: planner statistics,
        # and the set-up's writes flushed (not a checkpoint in the middle of the run).
        import psycopg

        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as c:
            c.execute("VACUUM ANALYZE")
            c.execute("CHECKPOINT")


def in_process(db, module, function, *args):
    """Build the load test's database on `db` and call benchmarks/<module>.<function>(*args) in
    a process of the product's environment: the in-process benchmarks (draft_save.py,
    status_pages.py) measure on the same data as the load test."""
    env = server_env()
    prepare_database(db, env)
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import {module}; "
        f"{module}.{function}(*{args!r})"
    )
    sh([BIN / "python", "-c", code], env)


def median_ms(fn, n):
    """The median time of `fn()` over n calls, in milliseconds (for the in-process benchmarks)."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def statements_of(fn):
    """The SQL statements `fn()` runs (a request resets connection.queries, so they are
    recorded with an execute wrapper)."""
    from django.db import connection

    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        fn()
    return statements


def org_codes(env):
    out = subprocess.run(
        [
            BIN / "python",
            "-c",
            "import django; django.setup();"
            "from stimulans.organisations.models import Organisation as O;"
            "print(','.join(f'{o.kind}-{o.code}' for o in O.objects.filter("
            "kind__in=['municipality','region']).order_by('code')))",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def start_server(env, workers):
    proc = subprocess.Popen(
        [
            BIN / "gunicorn",
            "stimulans.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz/", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def stop_server(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def run_locust(env, users, duration, classes, label, spawn):
    """Ramp up at `spawn` users a second, then measure for `duration` seconds: statistics are
    reset once every user has started (--reset-stats)."""
    prefix = OUT / label
    ramp = int(users / spawn) + 1
    sh(
        [
            BIN / "locust",
            "-f",
            HERE / "locustfile.py",
            "--headless",
            "-u",
            str(users),
            "-r",
            str(spawn),
            "-t",
            f"{ramp + duration}s",
            "--reset-stats",
            "--host",
            f"http://127.0.0.1:{PORT}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--stop-timeout",
            "10",
            *classes,
        ],
        env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv", newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def pick(row):
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": round(float(row["Requests/s"]), 1),
        "p50_ms": int(float(row["50%"])),
        "p95_ms": int(float(row["95%"])),
        "p99_ms": int(float(row["99%"])),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], nargs="+", default=["sqlite"])
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--scenarios",
        nargs="+",
        default=["mix", "saves", "button-saves", "baseline"],
        choices=["mix", "saves", "button-saves", "baseline"],
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the scenarios this many times in turn (saves, baseline, saves, …); the "
        "throughput ratios are of the median requests a second",
    )
    parser.add_argument(
        "--pg-host",
        default=PG_HOST,
        help="PostgreSQL's host: TCP on loopback by default; a directory is its Unix socket "
        "(/var/run/postgresql)",
    )
    parser.add_argument(
        "--login-rate",
        type=float,
        default=2,
        help="users starting (logging in) per second in the mix run: Argon2 makes a login "
        "deliberately expensive, and officials do not all log in within the same seconds",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for db in args.db:
        env = server_env()
        prepare_database(db, env, args.pg_host)
        env["LOAD_ORGS"] = org_codes(env)
        for users in args.users:
            mix = ["ReporterUser", "CoordinatorUser", "AnalystUser"]
            for run in range(1, args.repeat + 1):
                for label, classes, names, spawn in (
                    ("mix", mix, [AUTOSAVE, BUTTON, *OVERVIEWS], args.login_rate),
                    ("saves", ["SaveOnlyUser"], [AUTOSAVE], 50),
                    ("button-saves", ["ButtonSaveOnlyUser"], [BUTTON], 50),
                    ("baseline", ["BaselineUser"], ["minimal view"], 50),
                ):
                    if label not in args.scenarios:
                        continue
                    if label != "baseline":
                        prepare_database(db, env, args.pg_host)  # the same reports every run
                    server = start_server(env, args.workers)
                    try:
                        stats = run_locust(
                            env, users, args.duration, classes, f"{db}-{users}-{label}", spawn
                        )
                    finally:
                        stop_server(server)
                    for name in (n for n in names if n in stats):
                        row = pick(stats[name])
                        row.update(
                            db=db,
                            users=users,
                            scenario=label,
                            run=run,
                            request=name,
                            all_failures=int(stats["Aggregated"]["Failure Count"]),
                        )
                        results.append(row)
                        print(json.dumps(row), flush=True)
    (OUT / "summary.json").write_text(json.dumps(results, indent=2))
    print(
        "\n| db | users | scenario | run | request | requests | failures (all) | rps | p50 ms "
        "| p95 ms | p99 ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['db']} | {r['users']} | {r['scenario']} | {r['run']} | {r['request']} | "
            f"{r['requests']} | {r['all_failures']} | {r['rps']} | {r['p50_ms']} | "
            f"{r['p95_ms']} | {r['p99_ms']} |"
        )

    def rps(db, users, scenario):
        runs = [
            r["rps"]
            for r in results
            if (r["db"], r["users"], r["scenario"]) == (db, users, scenario)
        ]
        return statistics.median(runs) if runs else None

    for db in args.db:
        for users in args.users:
            base = rps(db, users, "baseline")
            for scenario, what in (("saves", "draft autosave"), ("button-saves", "save button")):
                if base and rps(db, users, scenario):
                    print(
                        f"{db}, {users} users: {what} throughput / minimal view = "
                        f"{rps(db, users, scenario):.1f} / {base:.1f} = "
                        f"{rps(db, users, scenario) / base:.1%} (medians of {args.repeat})"
                    )


if __name__ == "__main__":
    sys.exit(main())
