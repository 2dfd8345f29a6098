"""Contention: `/healthz/` while four clients download the status report PDF, against idle.

    .venv/bin/python benchmarks/contention.py [--samples 300] [--clients 4] [--rounds 3]
                                              [--workers 2] [--setups before processes ...]

Builds a fresh SQLite database (init, demo) in `--work` (default /tmp/stimulans-contention),
and for each of `--setups` in turn, in the same run, serves it with gunicorn (two workers;
DEBUG off; `--workers` sets how many) and `stimulans worker` beside it, and measures:

1. idle: `/healthz/` requested back to back, nothing else running;
2. stored: the same while `--clients` analysts download the 2020 status report PDF over and
   over (the first download starts a job; then the stored file is served);
3. rendering: the same while the clients force a new rendering each time (the stored drafts
   are deleted before each download, so every download is a job: the page of the job polled
   until it is done, then the file fetched), i.e. the worker renders all the time.

The setups:

- `before`: as the benchmark and product were: two sync workers, the worker at the server's
  priority (`--nice 0`), the clients and the `/healthz/` sampler threads of this one process
  (so the sampler also waits for this process' GIL while the clients read 1 MB responses);
- `processes`: the same server, each client and the sampler a process of its own;
- `nice`: and `stimulans worker` at its default priority (nice 10);
- `threads`: and gunicorn's gthread workers, 2 x `--threads` (default 4), as the README's
  production command runs them;
- `database`: as `threads`, with the stored documents' bytes moved into their rows before each
  stored phase (as documents were stored before the files: read from the database and copied
  through Python into the answer);
- `files`: as `threads`, the documents served from their files (`FileResponse`, gunicorn's
  `wsgi.file_wrapper`, sendfile). `--setups database files` is the before and after of that;
- `remote`: as `files`, with the downloading clients at the lowest priority (nice 19), as if
  they ran on other machines: on this one their own processor time (reading a megabyte
  response in Python, about as much as the server's for sending it) competes with the server
  being measured, while the `/healthz/` sampler stays at normal priority;
- `visitors`: as `remote`, the clients anonymous visitors downloading the *published* 2020
  PDF (the setup publishes 2020 first, so run it after the analysts' setups, as the default
  order does); no rendering phase, since a published version's document is made once;
- `proxy`: as `visitors`, through nginx configured as `docs/nginx.conf` (its cache answers
  the repeated downloads of the published PDF; `/healthz/` is checked not to come from it).
  Needs `nginx` on the PATH (Debian's package); skipped with a note without it.

Prints the median and p95 of `/healthz/` in each and the ratios to idle (goal: p95 within 2x
of idle), the downloads the clients completed and how many a second (behind the proxy: how
many came from its cache), and the processor time (user + system) the server, the worker and
(when they are processes) the clients used in each setup's rounds (the proxy's not counted).
"""

import argparse
import multiprocessing
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PDF = "/analys/2020/lagesrapport.pdf"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Setup:
    threads: int | None  # gunicorn threads per worker (1: sync workers; None: --threads)
    nice: int  # the niceness of stimulans worker
    processes: bool  # the clients and the sampler processes of their own
    client_nice: int = 0  # the downloading clients' niceness
    visitors: bool = False  # anonymous visitors downloading the published PDF
    proxy: bool = False  # through nginx as docs/nginx.conf


SETUPS = {
    "before": Setup(1, 0, False),
    "processes": Setup(1, 0, True),
    "nice": Setup(1, 10, True),
    "threads": Setup(None, 10, True),
    "database": Setup(None, 10, True),
    "files": Setup(None, 10, True),
    "remote": Setup(None, 10, True, client_nice=19),
    "visitors": Setup(None, 10, True, client_nice=19, visitors=True),
    "proxy": Setup(None, 10, True, client_nice=19, visitors=True, proxy=True),
}
DEFAULT_SETUPS = ["before", "processes", "nice", "threads", "files", "remote", "visitors"]
BASE = "http://127.0.0.1:8124"
SERVER = BASE  # gunicorn's address (BASE is the proxy's when there is one)
WORKERS = 2
WORK = Path("/tmp/stimulans-contention")
DB = WORK / "contention.db"


def environment():
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="contention_settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(WORK), os.environ.get("PYTHONPATH")])),
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
    # Analysts need a second factor to sign in; the benchmark measures downloads, not sign-in.
    (WORK / "contention_settings.py").write_text(
        "from stimulans.settings import *  # noqa: F403\nSECOND_FACTOR_REQUIRED_ROLES = []\n"
        f"MEDIA_ROOT = {str(WORK / 'media')!r}\n"
    )
    for args in (["init"], ["demo"]):
        subprocess.run(
            [BIN / "stimulans", *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )


def start(env, threads, nice):
    port = SERVER.rsplit(":", 1)[1]
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "stimulans.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(WORKERS),
            *(["--worker-class", "sync"] if threads == 1 else ["--threads", str(threads)]),
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
        [BIN / "stimulans", "worker", "--interval", "0.2", "--nice", str(nice)],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(SERVER, "gunicorn", 30)
    return server, worker


def wait_for(base, name, seconds):
    """Until `base`'s /healthz/ answers, at most `seconds`."""
    for _ in range(int(seconds * 10)):
        try:
            requests.get(f"{base}/healthz/", timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not start")


def cpu_seconds(proc):
    """User + system processor seconds of a process and its children (gunicorn's workers)."""
    total = 0.0
    pids = [str(proc.pid)]
    out = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True)
    pids += out.stdout.split()
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def start_proxy():
    """nginx as docs/nginx.conf, on the port after gunicorn's, its files in WORK; its URL."""
    port = int(SERVER.rsplit(":", 1)[1]) + 1
    config = (ROOT / "docs" / "nginx.conf").read_text()
    for example, here in (
        ("/var/cache/nginx/stimulans", str(WORK / "nginx-cache")),
        ("127.0.0.1:8000", SERVER.split("//", 1)[1]),
        ("127.0.0.1:8080", f"127.0.0.1:{port}"),
    ):
        assert example in config, example
        config = config.replace(example, here)
    (WORK / "nginx.conf").write_text(
        f"worker_processes 1;\npid {WORK / 'nginx.pid'};\nerror_log {WORK / 'nginx.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\naccess_log off;\nsendfile on;\nclient_body_temp_path {WORK / 'nginx-body'};\n"
        f"proxy_temp_path {WORK / 'nginx-proxy'};\n{config}\n}}\n"
    )
    proxy = subprocess.Popen(
        ["nginx", "-c", str(WORK / "nginx.conf"), "-g", "daemon off;"], start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    wait_for(url, "nginx", 5)
    return proxy, url


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


def visitor():
    """An anonymous visitor as a browser is one: Swedish first, and with the CSRF cookie of the
    pages it read before the download (its own, so a cache that kept a copy per cookie would
    miss)."""
    s = requests.Session()
    s.headers["Accept-Language"] = "sv-SE,sv;q=0.9,en;q=0.5"
    s.get(f"{BASE}/analys/2020/").raise_for_status()
    if "csrftoken" not in s.cookies:
        raise RuntimeError("the visitor got no CSRF cookie")
    return s


def documents_into_database():
    """The stored documents as they were stored before the files: bytes in the row."""
    with sqlite3.connect(DB, timeout=30) as c:
        rows = c.execute("SELECT id, file FROM analysis_storeddocument WHERE file != ''")
        for pk, name in rows.fetchall():
            content = (WORK / "media" / name).read_bytes()
            c.execute(
                "UPDATE analysis_storeddocument SET content = ?, file = '' WHERE id = ?",
                (content, pk),
            )


def download(s, fresh):
    """One PDF: through its job (polled until done) if it is not stored yet. Whether it came
    from the proxy's cache."""
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
    return r.headers.get("X-Cache-Status") == "HIT"


def healthz(samples, out=None):
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        r = requests.get(f"{BASE}/healthz/", timeout=30)
        times.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
        if r.headers.get("X-Cache-Status") == "HIT":
            raise RuntimeError("/healthz/ came from the proxy's cache")
        time.sleep(0.01)
    times.sort()
    figures = statistics.median(times), times[int(0.95 * (len(times) - 1))]
    if out is not None:
        out.put(figures)
    return figures


def client(i, fresh, setup, stop_flag, counts, hits, errors, cpu=None):
    if setup.client_nice:
        os.nice(setup.client_nice)
    session = visitor() if setup.visitors else login("analytiker")
    start = time.process_time()
    while not stop_flag.is_set():
        try:
            hits[i] += download(session, fresh)
            counts[i] += 1
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.put(repr(exc))
            return
    if cpu is not None:  # a process of its own: its processor time is the client's
        cpu[i] = time.process_time() - start


def under_load(clients, samples, fresh, setup):
    """/healthz/ (median, p95) while the clients download, the downloads they made, in how many
    seconds, and how many came from the proxy's cache; the clients and the sampler threads of
    this process or processes of their own."""
    ctx = multiprocessing.get_context("fork")
    processes = setup.processes
    if processes:
        spawn, stop_flag = ctx.Process, ctx.Event()
        counts, hits = ctx.Array("i", clients), ctx.Array("i", clients)
        cpu, errors, out = ctx.Array("d", clients), ctx.Queue(), ctx.Queue()
    else:
        import queue

        spawn, stop_flag = threading.Thread, threading.Event()
        counts, hits, cpu = [0] * clients, [0] * clients, None
        errors, out = queue.Queue(), None
    workers = [
        spawn(target=client, args=(i, fresh, setup, stop_flag, counts, hits, errors, cpu))
        for i in range(clients)
    ]
    started = time.perf_counter()
    for w in workers:
        w.start()
    time.sleep(3)  # every client is downloading
    if processes:
        sampler = ctx.Process(target=healthz, args=(samples, out))
        sampler.start()
        figures = out.get()
        sampler.join()
    else:
        figures = healthz(samples)
    stop_flag.set()
    seconds = time.perf_counter() - started
    for w in workers:
        w.join()
    if not errors.empty():
        raise RuntimeError(errors.get())
    if processes:
        under_load.client_cpu += sum(cpu)
    return figures, sum(counts), seconds, sum(hits)


under_load.client_cpu = 0.0


def publish_2020(env):
    """The visitors' setups download the published report: publish 2020 once."""
    with sqlite3.connect(DB, timeout=30) as c:
        published = c.execute(
            "SELECT COUNT(*) FROM analysis_statusreport s JOIN funds_agreement a"
            " ON a.id = s.agreement_id WHERE a.year = 2020 AND s.published"
        ).fetchone()[0]
    if not published:
        subprocess.run(
            [BIN / "stimulans", "publish", "--year", "2020"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def measure_setup(env, name, args):
    """The setup's rounds (idle, stored, rendering; rendering None for visitors), the processor
    seconds, and the downloads served from the proxy's cache (None without a proxy)."""
    global BASE
    setup = SETUPS[name]
    processes = setup.processes
    if setup.proxy and shutil.which("nginx") is None:
        print(f"{name}: skipped, nginx is not installed (apt-get install nginx)")
        return None
    if setup.visitors:
        publish_2020(env)
    server, worker = start(env, setup.threads or args.threads, setup.nice)
    proxy = None
    rows = []
    try:
        if setup.proxy:
            proxy, BASE = start_proxy()
        # warm: the first rendering (a visitor's of the published PDF: made in the request)
        download(visitor() if setup.visitors else login("analytiker"), fresh=False)
        cpu = cpu_seconds(server), cpu_seconds(worker)
        under_load.client_cpu = 0.0
        for _ in range(args.rounds):
            if processes:
                out = multiprocessing.get_context("fork").Queue()
                sampler = multiprocessing.get_context("fork").Process(
                    target=healthz, args=(args.samples, out)
                )
                sampler.start()
                idle = out.get()
                sampler.join()
            else:
                idle = healthz(args.samples)
            if name == "database":
                documents_into_database()
            stored = under_load(args.clients, args.samples, False, setup)
            rendering = None
            if not setup.visitors:
                rendering = under_load(args.clients, args.samples, True, setup)
            rows.append((idle, stored, rendering))
        cpu = (
            cpu_seconds(server) - cpu[0],
            cpu_seconds(worker) - cpu[1],
            under_load.client_cpu if processes else float("nan"),
        )
    finally:
        stop(server, worker, *([proxy] if proxy else []))
        BASE = SERVER
    return rows, cpu, (sum(r[1][3] for r in rows) if setup.proxy else None)


def per_second(rows, phase):
    """The downloads of a phase over the rounds, and how many a second."""
    count, seconds = sum(r[phase][1] for r in rows), sum(r[phase][2] for r in rows)
    return f"{count} ({count / seconds:.0f}/s)"


def main():
    global BASE, SERVER, WORK, DB, WORKERS
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4, help="gthread's threads per worker")
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn's workers")
    parser.add_argument("--setups", nargs="+", choices=SETUPS, default=DEFAULT_SETUPS)
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--work", type=Path, default=WORK, help="directory of the database")
    args = parser.parse_args()
    BASE = SERVER = f"http://127.0.0.1:{args.port}"
    WORK, WORKERS = args.work, args.workers
    DB = WORK / "contention.db"
    env = environment()
    prepare(env)
    results = {name: measure_setup(env, name, args) for name in args.setups}
    print(
        f"/healthz/ in ms, {args.samples} requests each; {args.clients} clients downloading; "
        f"gunicorn {WORKERS} workers; {args.rounds} round(s) per setup"
    )
    med = statistics.median
    print(
        "setup | idle med/p95 | stored med/p95 (x idle p95) | rendering med/p95 (x idle p95)"
        " | downloads stored, rendered | CPU s server, worker, clients"
    )
    for name, result in results.items():
        if result is None:
            continue
        rows, cpu, hits = result
        idle = med(r[0][1] for r in rows)
        stored, stored_x = med(r[1][0][1] for r in rows), med(r[1][0][1] / r[0][1] for r in rows)
        rendering, rendered = "-", "-"
        if rows[0][2] is not None:
            render, render_x = (
                med(r[2][0][1] for r in rows),
                med(r[2][0][1] / r[0][1] for r in rows),
            )
            rendering = f"{med(r[2][0][0] for r in rows):.1f}/{render:.1f} ({render_x:.2f}x)"
            rendered = per_second(rows, 2)
        downloads = per_second(rows, 1)
        if hits is not None:
            downloads += f" ({hits} from the proxy's cache)"
        print(
            f"{name} | {med(r[0][0] for r in rows):.1f}/{idle:.1f} | "
            f"{med(r[1][0][0] for r in rows):.1f}/{stored:.1f} ({stored_x:.2f}x) | "
            f"{rendering} | {downloads}, {rendered} | "
            f"{cpu[0]:.1f}, {cpu[1]:.1f}, {cpu[2]:.1f}"
        )


if __name__ == "__main__":
    main()
