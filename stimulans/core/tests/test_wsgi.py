"""gunicorn serves `stimulans.wsgi`: without DJANGO_SETTINGS_MODULE it must not run in DEBUG
(Django's debug 500 page shows the traceback, settings and local variables to anyone)."""

import os
import subprocess
import sys

PROBE = (
    "import stimulans.wsgi; from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG)"
)


def _run(tmp_path, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG")}
    base.pop("SECRET_KEY", None)
    base.pop("ALLOWED_HOSTS", None)
    base["DATABASE_URL"] = f"sqlite:///{tmp_path / 'wsgi.db'}"
    return subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env={**base, **env}
    )


def test_wsgi_defaults_to_the_production_settings(tmp_path):
    proc = _run(tmp_path, SECRET_KEY="s" * 50, ALLOWED_HOSTS="stimulans.example.se", DEBUG="1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["stimulans.settings_production", "False"]


def test_wsgi_refuses_to_start_without_a_secret_key(tmp_path):
    proc = _run(tmp_path, ALLOWED_HOSTS="stimulans.example.se")
    assert proc.returncode != 0
    assert "SECRET_KEY must be set" in proc.stderr
    proc = _run(tmp_path, SECRET_KEY="s" * 50)
    assert proc.returncode != 0
    assert "ALLOWED_HOSTS must be set" in proc.stderr
