"""Every importer reports at most the first hundred problems of a file and counts the rest."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stimulans.lib.errorlist import capped
from stimulans.test import BaseTestCase

MORE = "… och 2\u00a0345 fel till."


def test_capped_keeps_the_first_hundred_and_counts_the_rest():
    errors = [f"Rad {n}: fel" for n in range(2, 2447)]
    assert capped(errors) == [*errors[:100], MORE]
    assert capped(errors[:100]) == errors[:100]
    assert capped(errors[:101])[-1] == "… och 1 fel till."


def test_the_other_error_lists_are_capped():
    from stimulans.plans.yaml_format import PlanImportError
    from stimulans.reporting.xlsform import XLSFormError

    for error_class in (PlanImportError, XLSFormError):
        exc = error_class([f"Rad {n}: fel" for n in range(2445)])
        assert len(exc.errors) == 101 and exc.errors[-1] == MORE, error_class
        assert str(exc).endswith(MORE)


class CappedImportsTestCase(BaseTestCase):
    @pytest.fixture(autouse=True)
    def _tmp(self, tmp_path):
        self.tmp_path = tmp_path

    def refused(self, command, text, *args):
        path = self.tmp_path / "file.csv"
        path.write_text(text, encoding="utf-8")
        with self.assertRaises(CommandError) as ctx:
            call_command(command, *args, str(path), stdout=StringIO())
        self.assertEqual(ctx.exception.returncode, 2)
        lines = str(ctx.exception).splitlines()
        self.assertEqual(lines[-1], MORE)
        return lines

    def test_population(self):
        rows = "".join(f"9999 Ingenstans,{n} år,1\n" for n in range(2445))
        lines = self.refused("import_population", "region,ålder,2019\n" + rows)
        self.assertEqual(lines[1], "Rad 2: okänd region ”9999 Ingenstans”.")
        self.assertEqual(len(lines), 1 + 100 + 1)

    def test_measures(self):
        rows = "".join(f"1999,municipality,0180,m{n},1\n" for n in range(2445))
        lines = self.refused("import_measures", "year,org_kind,org_code,measure,value\n" + rows)
        self.assertEqual(len(lines), 1 + 100 + 1)

    def test_weight_table(self):
        rows = "".join(f"municipality,{n:04d}X,1\n" for n in range(2445))
        path = self.tmp_path / "file.csv"
        path.write_text("org_kind,org_code,weight\n" + rows, encoding="utf-8")
        with self.assertRaises(CommandError) as ctx:
            call_command("allocate", "--amount", "100", "--key", str(path), stdout=StringIO())
        lines = str(ctx.exception).splitlines()
        self.assertEqual((len(lines), lines[-1]), (101, MORE))
