import functools

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from stimulans.core.demo import load_demo
from stimulans.core.setup import load_reference_data


def counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in ("contenttypes", "auth", "sessions", "admin")
    }


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
