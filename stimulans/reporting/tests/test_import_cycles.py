"""Every module of the reporting app and the API imports on its own, first, in a fresh
interpreter (after django.setup(), with the app's other modules unloaded again; the models
stay loaded, as Django needs them): an import cycle (module A importing B importing A, at
module level) fails here when A or B is the first module imported."""

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
APPS = ("stimulans/reporting", "stimulans/api")


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts)


def test_each_module_imports_first():
    code = (
        "import sys, django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'stimulans.settings')\n"
        "django.setup()\n"
        "import importlib\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m.startswith(('stimulans.reporting', "
        "'stimulans.api')) and not m.endswith(('.models', '.apps'))]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    names = list(modules())
    assert "stimulans.reporting.services.drafts" in names
    result = subprocess.run(
        [sys.executable, "-c", code, *names], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        pytest.fail(result.stderr[-3000:])
