import functools

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from stimulans.core.backup import EXCLUDED_APPS, EXCLUDED_MODELS
from stimulans.core.demo import load_demo
from stimulans.core.setup import load_reference_data


def counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in ("contenttypes", "auth", "sessions", "admin")
    }


@pytest.mark.slow  # the demo content, backed up and restored
def test_backup_restores_into_an_empty_database(transactional_db, tmp_path, monkeypatch):
    from stimulans.core import demo

    # Three ages per municipality instead of 101 keep the test quick.
    monkeypatch.setattr(
        demo, "demo_population_csv", functools.partial(demo.demo_population_csv, ages=(5, 20, 40))
    )
    load_reference_data()
    load_demo()
    from stimulans.reporting.models import Report

    before = counts()
    assert before["accounts.User"] == 6
    assert before["funds.Allocation"] > 700
    report_rows = list(Report.objects.order_by("pk").values_list("pk", "status", "version"))
    path = tmp_path / "backup.json.gz"
    call_command("backup", str(path))

    call_command("flush", interactive=False, verbosity=0)
    assert counts()["accounts.User"] == 0

    call_command("restore", str(path))
    assert counts() == before
    assert list(Report.objects.order_by("pk").values_list("pk", "status", "version")) == report_rows
    from stimulans.accounts.models import User

    assert User.objects.get(username="admin").check_password("demo")


def test_restore_refuses_a_database_that_is_not_empty(transactional_db, tmp_path):
    load_reference_data()
    path = tmp_path / "backup.json.gz"
    call_command("backup", str(path))
    with pytest.raises(CommandError) as exc:
        call_command("restore", str(path))
    assert exc.value.returncode == 2
    assert "inte tom" in str(exc.value)


def test_restore_refuses_a_file_that_is_not_a_backup(transactional_db, tmp_path):
    path = tmp_path / "nonsense.json.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(CommandError):
        call_command("restore", str(path))


def _report_with_attachment():
    from django.core.files.base import ContentFile

    from stimulans.funds.models import Pot
    from stimulans.organisations.models import Organisation
    from stimulans.reporting.models import Report, ReportAttachment

    pot = Pot.objects.filter(recipient_kind="municipality").order_by("pk").first()
    report = Report.objects.create(organisation=Organisation.objects.get(code="0180"), pot=pot)
    attachment = ReportAttachment(report=report, name="plan.pdf")
    attachment.file.save("plan.pdf", ContentFile(b"%PDF-1.4 plan"))
    return attachment.file.name


def _backup_of_a_report_with_attachment(tmp_path, settings):
    """The reference data and a report with an attachment under tmp_path/media, backed up to
    tmp_path/backup.tar.gz: (backup path, the attachment's name in the storage)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    load_reference_data()
    name = _report_with_attachment()
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path))
    return path, name


@pytest.mark.slow  # a backup and a restore
def test_backup_holds_the_uploaded_files_and_only_its_owner_may_read_it(
    transactional_db, tmp_path, settings
):
    import stat

    path, name = _backup_of_a_report_with_attachment(tmp_path, settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    call_command("restore", str(path))
    from stimulans.reporting.models import ReportAttachment

    assert ReportAttachment.objects.get().file.name == name
    assert (tmp_path / "new-media" / name).read_bytes() == b"%PDF-1.4 plan"


@pytest.mark.slow  # a backup and a restore
def test_restore_refuses_other_content_under_a_file_name_and_changes_nothing(
    transactional_db, tmp_path, settings
):
    path, name = _backup_of_a_report_with_attachment(tmp_path, settings)
    call_command("flush", interactive=False, verbosity=0)
    (tmp_path / "media" / name).write_bytes(b"%PDF-1.4 another file")
    with pytest.raises(CommandError) as exc:
        call_command("restore", str(path))
    assert exc.value.returncode == 2
    assert name in str(exc.value)
    assert counts()["accounts.User"] == 0 and counts()["organisations.Organisation"] == 0


@pytest.mark.slow  # a backup and a restore
def test_a_backup_of_the_earlier_format_still_restores(transactional_db, tmp_path):
    """Version 1 backups were the gzip-compressed JSON alone."""
    import gzip
    import io

    load_reference_data()
    before = counts()
    buffer = io.StringIO()
    call_command(
        "dumpdata", natural_foreign=True, exclude=[*EXCLUDED_APPS, *EXCLUDED_MODELS], stdout=buffer
    )
    path = tmp_path / "backup.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(buffer.getvalue())
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path))
    assert counts() == before


def test_restore_refuses_file_names_outside_the_storage(transactional_db, tmp_path, settings):
    import io
    import json
    import tarfile

    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "backup.tar.gz"
    members = {
        "data.json": b"[]",
        "files/../../evil.txt": b"evil",
        "backup.json": json.dumps(
            {"format": "stimulans-backup", "version": 2, "files": ["../../evil.txt"]}
        ).encode(),
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    with pytest.raises(CommandError) as exc:
        call_command("restore", str(path))
    assert exc.value.returncode == 2
    assert "otillåtet filnamn" in str(exc.value)
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.slow  # the demo content
def test_a_file_missing_from_the_storage_is_a_warning_not_a_failure(
    transactional_db, tmp_path, settings
):
    from io import StringIO

    settings.MEDIA_ROOT = tmp_path / "media"
    load_reference_data()
    name = _report_with_attachment()
    (tmp_path / "media" / name).unlink()
    path = tmp_path / "backup.tar.gz"
    err = StringIO()
    call_command("backup", str(path), stdout=StringIO(), stderr=err)
    assert f"filen {name} saknas" in err.getvalue()
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), stdout=StringIO())
    from stimulans.reporting.models import ReportAttachment

    assert ReportAttachment.objects.get().file.name == name


@pytest.mark.slow  # a backup and a restore
def test_backup_holds_the_stored_documents_files(transactional_db, tmp_path, settings):
    from django.core.files.base import ContentFile

    from stimulans.analysis.models import StoredDocument
    from stimulans.funds.models import Agreement

    settings.MEDIA_ROOT = tmp_path / "media"
    load_reference_data()
    agreement = Agreement.objects.order_by("year").first()
    document = StoredDocument(agreement=agreement, slot="s", key="k")
    document.file.save("documents/2020/k.pdf", ContentFile(b"%PDF-1.7 stored"))
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path))
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    call_command("restore", str(path))
    assert StoredDocument.objects.get().file.name == "documents/2020/k.pdf"
    assert (tmp_path / "new-media" / "documents/2020/k.pdf").read_bytes() == b"%PDF-1.7 stored"
