"""CLI imports refuse files over the size limit, and xlsx files that are zip bombs, with exit
status 2 and before anything is parsed or written."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stimulans.test import BaseTestCase

COMMANDS = [
    ("import_population", "region,ålder,2019\n0180 Stockholm,0 år,10\n"),
    ("import_initiatives", "year,part,org_kind,org_code,initiative\n"),
    ("import_measures", "year,org_kind,org_code,measure,value\n"),
    ("import_plan", "county: '01'\nyear: 2021\n"),
    ("allocate", "org_kind,org_code,weight\nmunicipality,0180,1\n"),
]


def zip_bomb():
    """An xlsx-looking zip whose one member unpacks a thousand times larger than it is."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"\0" * (2 * 1024 * 1024))
    return buffer.getvalue()


class InputFilesTestCase(BaseTestCase):
    @pytest.fixture(autouse=True)
    def _tmp(self, tmp_path):
        self.tmp_path = tmp_path

    def call(self, command, path):
        args = ["--amount", "100", "--key", str(path)] if command == "allocate" else [str(path)]
        with self.assertRaises(CommandError) as ctx:
            call_command(command, *args, stdout=StringIO())
        self.assertEqual(ctx.exception.returncode, 2)
        return str(ctx.exception)

    def test_every_cli_import_refuses_a_file_over_the_limit(self):
        from stimulans.organisations.models import PopulationDataset

        for command, content in COMMANDS:
            path = self.tmp_path / f"{command}.csv"
            path.write_text(content, encoding="utf-8")
            with self.settings(MAX_IMPORT_BYTES=len(content.encode()) - 1):
                message = self.call(command, path)
            self.assertIn("är för stor", message, command)
        self.assertFalse(PopulationDataset.objects.exists())
        with self.settings(MAX_IMPORT_BYTES=100):
            call_command(
                "import_population", self.tmp_path / "import_population.csv", stdout=StringIO()
            )
        self.assertTrue(PopulationDataset.objects.exists())

    def test_report_imports_refuse_an_xlsx_zip_bomb(self):
        path = self.tmp_path / "insatser.xlsx"
        path.write_bytes(zip_bomb())
        for command in ("import_initiatives", "import_measures"):
            message = self.call(command, path)
            self.assertIn("Filen ”insatser.xlsx” packas upp till orimligt mycket data", message)
