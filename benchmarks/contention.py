"""Contention: `/healthz/` while four clients download the status report PDF, against idle.

    .venv/bin/python benchmarks/contention.py [--samples 300] [--clients 4] [--rounds 3]
                                              [--threads 1]

Builds a fresh SQLite database (init, demo) in /tmp, serves it with gunicorn and two workers
(sync; `--threads N`: gthread with N threads each; DEBUG off) and runs `stimulans worker`
beside it, then measures, in the same run:

1. idle: `/healthz/` requested back to back, nothing else running;
2. stored: the same while `--clients` analysts download the 2020 status report PDF over and
   over (the first download starts a job; then the stored file is served);
3. rendering: the same while the clients force a new rendering each time (the stored drafts
   are deleted before each download, so every download is a job: the page of the job polled
   until it is done, then the file fetched), i.e. the worker renders all the time.

Prints the median and p95 of `/healthz/` in each and the ratios to idle (goal: p95 within 2x
of idle), and the downloads each client completed.
"""

import argparse
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PORT = 8124
BASE = f"http://127.0.0.1:{PORT}"
WORK = Path("/tmp/stimulans-contention")
DB = WORK / "contention.db"
PDF = "/analys/2020/lagesrapport.pdf"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def environment():
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="stimulans.settings",
        DEBUG="0",
        SECRET_KEY="contention-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DEMO_PASSWORD="demo",
        DATABASE_URL=f"sqlite:///{DB}",
        SESSION_CACHE_DIR=str(WORK / "sessions"),
        PROGRESS_CACHE_DIR=str(WORK / "progress"),
        MAIL_DELIVERY="command",
    )


def prepare(env):
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    for args in (["init"], ["demo"]):
        subprocess.run(
            [BIN / "stimulans", *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )


def start(env, threads=1):
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "stimulans.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "2",
            "--threads",
            str(threads),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    worker = subprocess.Popen(
        [BIN / "stimulans", "worker", "--interval", "0.2"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            requests.get(f"{BASE}/healthz/", timeout=1)
            return server, worker
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def stop(*procs):
    for proc in procs:
        os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        proc.wait(timeout=60)


def login(username):
    s = requests.Session()
    page = s.get(f"{BASE}/konto/logga-in/")
    token = CSRF.search(page.text).group(1)
    r = s.post(
        f"{BASE}/konto/logga-in/",
        {"username": username, "password": "demo", "csrfmiddlewaretoken": token},
        headers={"Referer": f"{BASE}/konto/logga-in/"},
        allow_redirects=False,
    )
    if r.status_code != 302:
        raise RuntimeError(f"login failed for {username}: {r.status_code}")
    return s


def download(s, fresh):
    """One PDF: through its job (polled until done) if it is not stored yet."""
    if fresh:
        with sqlite3.connect(DB, timeout=30) as c:
            c.execute("DELETE FROM analysis_storeddocument")
    r = s.get(BASE + PDF, allow_redirects=False, timeout=120)
    for _attempt in range(5):  # another client may delete the file before this one gets it
        if r.status_code != 302:
            break
        job = r.headers["Location"].rstrip("/")
        while "hx-trigger" in s.get(f"{BASE}{job}/framsteg/", timeout=30).text:
            time.sleep(0.5)
        r = s.get(BASE + PDF, allow_redirects=False, timeout=120)
    if r.status_code != 200 or not r.content.startswith(b"%PDF"):
        raise RuntimeError(f"download failed: {r.status_code}")


def healthz(samples):
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        requests.get(f"{BASE}/healthz/", timeout=30).raise_for_status()
        times.append((time.perf_counter() - t) * 1000)
        time.sleep(0.01)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def under_load(sessions, samples, fresh):
    stop_flag = threading.Event()
    counts = [0] * len(sessions)
    errors = []

    def client(i):
        while not stop_flag.is_set():
            try:
                download(sessions[i], fresh)
                counts[i] += 1
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(repr(exc))
                return

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(sessions))]
    for t in threads:
        t.start()
    time.sleep(2)  # every client is downloading
    figures = healthz(samples)
    stop_flag.set()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])
    return figures, counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    args = parser.parse_args()
    env = environment()
    prepare(env)
    server, worker = start(env, args.threads)
    try:
        sessions = [login("analytiker") for _ in range(args.clients)]
        download(sessions[0], fresh=False)  # warm: the first rendering
        rows = []
        for rnd in range(1, args.rounds + 1):
            idle = healthz(args.samples)
            stored, stored_counts = under_load(sessions, args.samples, fresh=False)
            rendering, render_counts = under_load(sessions, args.samples, fresh=True)
            rows.append((rnd, idle, stored, rendering, stored_counts, render_counts))
    finally:
        stop(server, worker)
    print(
        f"/healthz/ in ms, {args.samples} requests each; {args.clients} clients downloading; "
        f"gunicorn 2 workers x {args.threads} thread(s)"
    )
    print("round | idle med/p95 | stored med/p95 (x idle p95) | rendering med/p95 (x idle p95)")
    for rnd, idle, stored, rendering, sc, rc in rows:
        print(
            f"{rnd} | {idle[0]:.1f}/{idle[1]:.1f} | {stored[0]:.1f}/{stored[1]:.1f} "
            f"({stored[1] / idle[1]:.2f}x) | {rendering[0]:.1f}/{rendering[1]:.1f} "
            f"({rendering[1] / idle[1]:.2f}x) | downloads stored {sum(sc)}, rendered {sum(rc)}"
        )
    med = statistics.median
    idle_p95 = med(r[1][1] for r in rows)
    stored_p95, stored_x = med(r[2][1] for r in rows), med(r[2][1] / r[1][1] for r in rows)
    render_p95, render_x = med(r[3][1] for r in rows), med(r[3][1] / r[1][1] for r in rows)
    print(
        f"median of rounds: p95 idle {idle_p95:.1f} ms, stored {stored_p95:.1f} ms "
        f"({stored_x:.2f}x), rendering {render_p95:.1f} ms ({render_x:.2f}x)"
    )


if __name__ == "__main__":
    main()
