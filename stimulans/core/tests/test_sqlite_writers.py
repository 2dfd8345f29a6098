"""Concurrent writers on SQLite wait for each other instead of failing: the settings' SQLite
options (`transaction_mode: IMMEDIATE`, the busy timeout, WAL) on Django's own backend."""

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow  # concurrent writer processes

SCRIPT = textwrap.dedent(
    """
    import threading
    import time
    import django
    from django.conf import settings
    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as c:
        c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    errors = []

    def writer(n):
        try:
            for i in range(25):
                with transaction.atomic():
                    with connection.cursor() as c:
                        c.execute("SELECT count(*) FROM t")
                        time.sleep(0.003)  # work inside the transaction, as a save does
                        c.execute("INSERT INTO t (v) VALUES (%s)", [f"{n}-{i}"])
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM t")
        print("rows", c.fetchone()[0], "errors", len(errors), errors[:1])
        c.execute("PRAGMA journal_mode")
        print("journal", c.fetchone()[0])
    """
)


def run(tmp_path, transaction_mode=None):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="stimulans.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'w.db'}",
    )
    script = SCRIPT
    if transaction_mode:
        script = script.replace(
            "django.setup()",
            "settings.DATABASES['default']['OPTIONS']['transaction_mode'] = "
            f"{transaction_mode!r}\ndjango.setup()",
        )
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_concurrent_writers_wait_instead_of_failing(tmp_path):
    """Eight threads writing at once: every transaction commits (each begins IMMEDIATE, taking
    the write lock first, and waits in SQLite's busy handler up to the timeout)."""
    out = run(tmp_path)
    assert "rows 200 errors 0" in out
    assert "journal wal" in out


def test_deferred_transactions_would_fail(tmp_path):
    """The control: Django's default DEFERRED transactions read first and then cannot take the
    write lock ('database is locked' at once, no waiting), so the test above would fail
    without the IMMEDIATE option."""
    out = run(tmp_path, transaction_mode="DEFERRED")
    assert "errors 0" not in out
    assert "database is locked" in out
