"""Backup and restore of the whole database and the uploaded files, for SQLite and PostgreSQL.

A backup (format version 2) is a gzip-compressed tar archive:

- `data.json`: Django's serialised JSON of every model (history included, natural foreign keys);
  sessions and the content-type and permission tables (which migrations recreate) are left out;
- `files/<name>`: every file (report and plan attachments, the stored status report documents)
  that a row or a history record refers to, under its name in the file storage;
- `backup.json`: what the archive holds (`format`, `version`, `created`, `engine`, `files`,
  `missing`: files referred to that were not found in the storage).

Version 1 backups (a gzip-compressed `data.json` alone) still restore.

The rows are read in one snapshot, so that a backup taken while people work is consistent: on
PostgreSQL one REPEATABLE READ, READ ONLY transaction; on SQLite one read transaction (in WAL mode
it neither waits for writers nor makes them wait). The file is written under a temporary name
with mode 0600 (it holds password hashes and API tokens) and renamed when complete. A backup
restores into an empty, migrated database of either engine, all or nothing.
"""

import datetime
import gzip
import io
import json
import os
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.core import serializers
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, router, transaction
from django.utils.translation import gettext as _

from stimulans.lib.faults import failpoint

EXCLUDED_APPS = {"contenttypes", "sessions"}
EXCLUDED_MODELS = {"auth.permission", "admin.logentry"}
FORMAT = "stimulans-backup"
VERSION = 2
MANIFEST = "backup.json"
DATA = "data.json"
FILES = "files/"


class RestoreError(Exception):
    pass


@dataclass
class BackupResult:
    size: int
    files: list = field(default_factory=list)
    missing: list = field(default_factory=list)


@contextmanager
def snapshot(using=DEFAULT_DB_ALIAS):
    """Every query on `using` inside sees one consistent state of the database."""
    connection = connections[using]
    if connection.in_atomic_block:
        # Inside the caller's transaction (tests): that transaction is the snapshot.
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # Not transaction.atomic(): the SQLite settings begin IMMEDIATE transactions
        # (`transaction_mode`), which take the write lock and so wait for every writer. A
        # DEFERRED transaction that only reads holds one snapshot (from its first read) and,
        # in WAL mode, does not block writers.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
    else:
        with transaction.atomic(using=using):
            yield


def _models(using):
    app_list = [(config, None) for config in apps.get_app_configs()]
    for model in serializers.sort_dependencies(app_list, allow_cycles=True):
        meta = model._meta
        if meta.app_label in EXCLUDED_APPS or meta.label_lower in EXCLUDED_MODELS:
            continue
        if not meta.proxy and router.allow_migrate_model(using, model):
            yield model


def _objects(using):
    for model in _models(using):
        failpoint("backup.model")
        yield from model._base_manager.using(using).order_by(model._meta.pk.name).iterator()


def _file_names(using):
    """Names in the file storage that rows or their history records refer to."""
    names = set()
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        if not fields:
            continue
        targets = [model]
        history = getattr(model._meta, "simple_history_manager_attribute", None)
        if history:
            targets.append(getattr(model, history).model)
        for target in targets:
            for name in fields:
                values = target._base_manager.using(using).exclude(**{name: ""})
                names.update(v for v in values.values_list(name, flat=True) if v)
    return sorted(names)


def _add_file(archive, arcname, path_or_file, size):
    info = tarfile.TarInfo(arcname)
    info.size = size
    info.mode = 0o600
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, path_or_file)


def backup(path, using=DEFAULT_DB_ALIAS):
    """Write a backup (see the module doc) to `path`. Returns a BackupResult."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".stimulans-backup-", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with tempfile.TemporaryDirectory() as work:
            data = os.path.join(work, DATA)
            with snapshot(using):
                with open(data, "w", encoding="utf-8") as out:
                    serializers.serialize(
                        "json", _objects(using), stream=out, use_natural_foreign_keys=True
                    )
                names = _file_names(using)
            with os.fdopen(fd, "wb") as raw:
                fd = None
                with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
                    with open(data, "rb") as f:
                        _add_file(archive, DATA, f, os.path.getsize(data))
                    stored, missing = [], []
                    for name in names:
                        try:
                            f = default_storage.open(name, "rb")
                        except (OSError, SuspiciousFileOperation):
                            missing.append(name)
                            continue
                        with f:
                            _add_file(archive, FILES + name, f, f.size)
                        stored.append(name)
                    manifest = json.dumps(
                        {
                            "format": FORMAT,
                            "version": VERSION,
                            "created": datetime.datetime.now(datetime.UTC).isoformat(),
                            "engine": connections[using].vendor,
                            "files": stored,
                            "missing": missing,
                        },
                        ensure_ascii=False,
                        indent=1,
                    ).encode()
                    _add_file(archive, MANIFEST, io.BytesIO(manifest), len(manifest))
                raw.flush()
                os.fsync(raw.fileno())
        os.replace(tmp, path)  # never leave a half-written backup under the final name
    except BaseException:
        if fd is not None:
            os.close(fd)
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return BackupResult(size=os.path.getsize(path), files=stored, missing=missing)


def database_is_empty():
    for model in apps.get_models():
        if model._meta.app_label in ("contenttypes", "auth", "sessions"):
            continue
        if model._meta.managed and not model._meta.proxy and model.objects.exists():
            return False
    return True


def _unreadable(path, exc):
    return RestoreError(
        _("Filen %(path)s är ingen läsbar säkerhetskopia: %(err)s") % {"path": path, "err": exc}
    )


def _unpack(path, work):
    """Unpack a backup into `work`. Returns (fixture path, {storage name: local path})."""
    fixture = os.path.join(work, DATA)
    try:
        archive = tarfile.open(path, "r:gz")
    except tarfile.ReadError:
        archive = None  # version 1: gzip-compressed JSON
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if archive is None:
        try:
            with gzip.open(path, "rb") as src, open(fixture, "wb") as dst:
                shutil.copyfileobj(src, dst)
        except (OSError, EOFError) as exc:
            raise _unreadable(path, exc) from exc
        return fixture, {}
    files = {}
    try:
        with archive:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise _unreadable(path, _("okänt format"))
            with archive.extractfile(DATA) as src, open(fixture, "wb") as dst:
                shutil.copyfileobj(src, dst)
            for i, name in enumerate(manifest["files"]):
                local = os.path.join(work, f"file-{i}")
                with archive.extractfile(FILES + name) as src, open(local, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                files[name] = local
    except (OSError, EOFError, KeyError, AttributeError, TypeError, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    return fixture, files


def _check_files(files):
    """Refuse before anything is written if the storage holds other content under a name."""
    for name, local in files.items():
        try:
            exists = default_storage.exists(name)
        except SuspiciousFileOperation as exc:
            raise RestoreError(
                _("Säkerhetskopian innehåller ett otillåtet filnamn: %(name)s") % {"name": name}
            ) from exc
        if exists and not _same_content(name, local):
            raise RestoreError(
                _(
                    "Filen %(name)s finns redan bland de uppladdade filerna men med ett annat "
                    "innehåll. Återställ till en tom katalog för uppladdade filer."
                )
                % {"name": name}
            )


def _same_content(name, local):
    with default_storage.open(name, "rb") as stored, open(local, "rb") as f:
        while True:
            a, b = stored.read(1 << 16), f.read(1 << 16)
            if a != b:
                return False
            if not a:
                return True


def _write_files(files, written):
    for name, local in files.items():
        if default_storage.exists(name):
            continue  # the same content, checked by _check_files
        with open(local, "rb") as f:
            saved = default_storage.save(name, File(f, name=os.path.basename(name)))
        written.append(saved)
        if saved != name:
            raise RestoreError(
                _("Filen %(name)s kunde inte återställas under sitt namn.") % {"name": name}
            )


def restore(path):
    """Migrate and load a backup into an empty database, with its files; all or nothing."""
    call_command("migrate", interactive=False, verbosity=0)
    if not database_is_empty():
        raise RestoreError(
            _("Databasen är inte tom. Återställ till en tom databas (t.ex. en ny DATABASE_URL).")
        )
    with tempfile.TemporaryDirectory() as work:
        fixture, files = _unpack(path, work)
        _check_files(files)
        written = []
        try:
            with transaction.atomic():
                call_command("loaddata", fixture, verbosity=0)
                _write_files(files, written)
        except (DeserializationError, DatabaseError) as exc:
            _remove(written)
            raise RestoreError(
                _("Säkerhetskopian kunde inte läsas in, inget återställdes: %(err)s") % {"err": exc}
            ) from exc
        except BaseException:
            _remove(written)
            raise
    return files


def _remove(names):
    for name in names:
        default_storage.delete(name)
