"""A backup taken while people work restores into an empty database, with its files.

Real processes on a real database (a SQLite file; and a PostgreSQL database of its own when the
suite runs on PostgreSQL): a writer replaces reports and their initiatives, one report with its
three initiatives per transaction, while `stimulans backup` runs. A failpoint makes the backup
pause before each table, so many writes land between the tables it reads. The backup must be
one snapshot: restored into an empty database every report has its three initiatives, and the
attachment uploaded before the backup comes back into the new file storage.
"""

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # subprocesses writing while a backup runs

ROOT = Path(__file__).resolve().parents[3]

SETUP = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.files.base import ContentFile
    from stimulans.funds.models import Pot
    from stimulans.organisations.models import Organisation
    from stimulans.reporting.models import Report, ReportAttachment

    pot = Pot.objects.filter(recipient_kind="municipality").order_by("pk").first()
    report = Report.objects.create(organisation=Organisation.objects.get(code="2584"), pot=pot)
    attachment = ReportAttachment(report=report, name="behovsanalys.pdf")
    attachment.file.save("behovsanalys.pdf", ContentFile(b"%PDF-1.4 bilaga"))
    print(attachment.file.name)
    """
)

WRITER = textwrap.dedent(
    """
    import os
    import sys
    from pathlib import Path
    import django
    django.setup()
    from django.db import transaction
    from stimulans.funds.models import Pot
    from stimulans.organisations.models import Organisation
    from stimulans.reporting.models import Initiative, Report

    stop, progress = Path(sys.argv[1]), Path(sys.argv[2])
    pot = Pot.objects.filter(recipient_kind="municipality").order_by("pk").first()
    organisations = list(Organisation.objects.filter(kind="municipality").order_by("code")[:20])
    n = 0
    while not stop.exists():
        organisation = organisations[n % len(organisations)]
        with transaction.atomic():
            Report.objects.filter(organisation=organisation, pot=pot).delete()
            report = Report.objects.create(organisation=organisation, pot=pot)
            for i in range(3):
                Initiative.objects.create(report=report, identifier=f"i{i}", title=str(n))
        n += 1
        progress.with_suffix(".new").write_text(str(n))
        os.replace(progress.with_suffix(".new"), progress)  # never read half-written
    """
)

CHECK = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.core.files.storage import default_storage
    from django.db.models import Count
    from stimulans.reporting.models import Report, ReportAttachment

    attachment = ReportAttachment.objects.get()
    print(json.dumps({
        "reports": Report.objects.count(),
        "initiatives": sorted(
            Report.objects.annotate(n=Count("initiatives")).values_list("n", flat=True)
        ),
        "attachment": default_storage.open(attachment.file.name).read().decode(),
    }))
    """
)


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path):
    """Two new, empty databases of one engine: the one backed up and the one restored into."""
    url = os.environ.get("DATABASE_URL", "")
    if request.param == "sqlite":
        yield [f"sqlite:///{tmp_path / name}.sqlite3" for name in ("source", "target")]
        return
    if not url.startswith("postgres"):
        pytest.skip("the suite runs on SQLite (DATABASE_URL=postgres://… runs this case)")
    import psycopg

    base, own = url.rsplit("/", 1)
    names = [f"{own}_backup_{uuid.uuid4().hex[:8]}_{n}" for n in ("source", "target")]
    admin = base + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        for name in names:
            c.execute(f"CREATE DATABASE {name}")
    yield [f"{base}/{name}" for name in names]
    with psycopg.connect(admin, autocommit=True) as c:
        for name in names:
            c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def environment(database_url, home, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STIMULANS_FAILPOINT")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        DJANGO_SETTINGS_MODULE="stimulans.settings",
        DATABASE_URL=database_url,
        STIMULANS_HOME=str(home),  # its own file storage (media/) and sessions
        **extra,
    )
    return env


def run(env, *args):
    out = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out


def test_a_backup_taken_during_writes_restores_into_an_empty_database(databases, tmp_path):
    source_url, target_url = databases
    source = environment(source_url, tmp_path / "source")
    run(source, "-m", "stimulans.cli", "init")
    attachment = run(source, "-c", SETUP).stdout.strip()

    stop, progress = tmp_path / "stop", tmp_path / "progress"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(stop), str(progress)],
        env=source,
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not progress.exists() and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert progress.exists(), writer.stderr.read() if writer.poll() is not None else ""
        before = int(progress.read_text())
        backup = tmp_path / "backup.tar.gz"
        run(
            {**source, "STIMULANS_FAILPOINTS": "backup.model=pause:0.02"},
            "-m",
            "stimulans.cli",
            "backup",
            str(backup),
        )
        during = int(progress.read_text()) - before
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0, writer.stderr.read()
    assert during >= 5, f"only {during} writes happened during the backup"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    target = environment(target_url, tmp_path / "target")
    restored = run(target, "-m", "stimulans.cli", "restore", str(backup))
    assert "återställd" in restored.stdout
    state = json.loads(run(target, "-c", CHECK).stdout.strip().splitlines()[-1])
    assert state["reports"] == len(state["initiatives"]) >= 2
    # The attachment's report has none; every report of the writer has all three.
    assert state["initiatives"] == [0] + [3] * (state["reports"] - 1)
    assert state["attachment"] == "%PDF-1.4 bilaga"
    assert (tmp_path / "target" / "media" / attachment).read_bytes() == b"%PDF-1.4 bilaga"
