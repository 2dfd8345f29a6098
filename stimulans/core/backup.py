"""Backup and restore of the whole database, for SQLite and PostgreSQL alike.

A backup is Django's serialised JSON of every model (history included), gzip-compressed. It
restores into an empty, migrated database of either engine. Sessions and the content-type and
permission tables (which migrations recreate) are left out.
"""

import gzip
import io
import os
import shutil
import tempfile

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.utils.translation import gettext as _

EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class RestoreError(Exception):
    pass


def backup(path):
    """Write a gzip-compressed JSON backup to `path`. Returns the number of bytes written."""
    buffer = io.StringIO()
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=EXCLUDE,
        indent=None,
        stdout=buffer,
    )
    tmp = f"{path}.tmp"
    with gzip.open(tmp, "wt", encoding="utf-8") as f:
        f.write(buffer.getvalue())
    os.replace(tmp, path)  # never leave a half-written backup under the final name
    return os.path.getsize(path)


def database_is_empty():
    for model in apps.get_models():
        if model._meta.app_label in ("contenttypes", "auth", "sessions"):
            continue
        if model._meta.managed and not model._meta.proxy and model.objects.exists():
            return False
    return True


def restore(path):
    """Migrate and load a backup into an empty database, all or nothing."""
    call_command("migrate", interactive=False, verbosity=0)
    if not database_is_empty():
        raise RestoreError(
            _("Databasen är inte tom. Återställ till en tom databas (t.ex. en ny DATABASE_URL).")
        )
    with tempfile.TemporaryDirectory() as tmp:
        fixture = os.path.join(tmp, "backup.json.gz")
        try:
            with gzip.open(path, "rb") as src, gzip.open(fixture, "wb") as dst:
                shutil.copyfileobj(src, dst)
        except (OSError, EOFError) as exc:
            raise RestoreError(
                _("Filen %(path)s är ingen läsbar säkerhetskopia: %(err)s")
                % {"path": path, "err": exc}
            ) from exc
        with transaction.atomic():
            call_command("loaddata", fixture, verbosity=0)
