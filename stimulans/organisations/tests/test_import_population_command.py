from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stimulans.organisations.models import PopulationDataset
from stimulans.test import BaseTestCase


class ImportPopulationCommandTestCase(BaseTestCase):
    @pytest.fixture(autouse=True)
    def _tmp(self, tmp_path):
        self.tmp_path = tmp_path

    def test_it_imports(self):
        path = self.tmp_path / "pop.csv"
        path.write_text("region,ålder,2019\n0180 Stockholm,0 år,10\n", encoding="utf-8")
        out = StringIO()
        call_command("import_population", str(path), stdout=out)
        self.assertIn("2019: 1 rader", out.getvalue())
        self.assertTrue(PopulationDataset.objects.get(year=2019).official)

    def test_it_refuses_bad_files_with_status_2(self):
        path = self.tmp_path / "pop.csv"
        path.write_text("region,ålder,2019\n0180 Stockholm,0 år,-3\n", encoding="utf-8")
        with self.assertRaises(CommandError) as ctx:
            call_command("import_population", str(path))
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertIn("Rad 2", str(ctx.exception))
        self.assertFalse(PopulationDataset.objects.exists())

    def test_a_file_for_part_of_the_country_needs_replace_year(self):
        from .test_population_import import PART, country_csv

        path = self.tmp_path / "pop.csv"
        path.write_bytes(country_csv())
        call_command("import_population", str(path), stdout=StringIO())
        path.write_text(PART, encoding="utf-8")
        with self.assertRaises(CommandError) as ctx:
            call_command("import_population", str(path))
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertIn("325 organisationer", str(ctx.exception))
        self.assertIn("--replace-year", str(ctx.exception))
        self.assertEqual(PopulationDataset.objects.get().figures.count(), 290)
        call_command("import_population", str(path), "--replace-year", stdout=StringIO())
        self.assertEqual(PopulationDataset.objects.get().figures.count(), 3)

    def test_it_recognises_json_stat_by_the_content(self):
        from .test_population_formats import DATA

        path = self.tmp_path / "befolkning.txt"
        path.write_bytes((DATA / "befolkning_pxwebapi2.json").read_bytes())
        out = StringIO()
        call_command("import_population", str(path), stdout=out)
        self.assertIn("2020: 4 rader importerade.", out.getvalue())
