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
    """
)


def run(tmp_path, engine_override):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="stimulans.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'w.db'}",
        SQLITE_BUSY_TIMEOUT="0.001",
    )
    script = SCRIPT
    if engine_override:
        script = script.replace(
            "django.setup()",
            "from django.conf import settings\n"
            "settings.DATABASES['default']['ENGINE'] = 'django.db.backends.sqlite3'\n"
            "django.setup()",
        )
    proc = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_concurrent_writers_queue_instead_of_failing(tmp_path):
    """With SQLite's own busy wait cut to 1 ms, eight threads writing at once fail with
    'database is locked' on the stock backend; queued on the file lock, all commit."""
    out = run(tmp_path, engine_override=False)
    assert "rows 200 errors 0" in out
    assert (tmp_path / "w.db.writelock").exists()


def test_without_the_lock_writers_fail(tmp_path):
    """The control: the same load on Django's stock SQLite backend loses transactions, so the
    test above would fail without the lock."""
    out = run(tmp_path, engine_override=True)
    assert "errors 0" not in out
    assert "database is locked" in out
