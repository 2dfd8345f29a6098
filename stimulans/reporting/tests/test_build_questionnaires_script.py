"""scripts/build_questionnaires_2020.py, the build-time generator of the committed 2020
questionnaires, still runs from scripts/ and gives the forms that are committed."""

import subprocess
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "stimulans" / "reporting" / "questionnaires" / "2020"


def _cells(path):
    book = openpyxl.load_workbook(path, read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def test_it_builds_the_committed_forms(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_questionnaires_2020.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    built = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert built == sorted(p.name for p in COMMITTED.glob("*.xlsx"))
    for name in built:
        assert _cells(tmp_path / name) == _cells(COMMITTED / name), name
