import io
import tempfile
import zipfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.imports import ImportFileError, import_initiatives, import_measures
from stimulans.reporting.models import MeasureValue, Report, ReportStatus
from stimulans.test import BaseTestCase

GOOD = """year,org_kind,org_code,measure,value
2020,region,01,bup.first_assessment.children,1200
2020,region,01,bup.first_assessment.within_30_days,900
2020,region,03,first_line.children_seen,"2 500"
"""


def run(text):
    return import_measures(text.encode("utf-8"))


class MeasureImportTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        cls.pot = Pot.objects.get(part__slug="barn-unga", recipient_kind="region")

    def test_it_imports_measures_into_the_pot_that_collects_them(self):
        result = run(GOOD)
        self.assertEqual((result.reports_created, result.created), (2, 3))
        report = Report.objects.get(organisation=self.region_stockholm)
        self.assertEqual(report.pot, self.pot)
        self.assertEqual(report.status, ReportStatus.SUBMITTED)
        self.assertTrue(report.imported)
        self.assertEqual(
            dict(report.measures.values_list("code", "value")),
            {"bup.first_assessment.children": 1200, "bup.first_assessment.within_30_days": 900},
        )
        self.assertEqual(MeasureValue.objects.get(code="first_line.children_seen").value, 2500)

    def test_importing_the_same_file_twice_changes_nothing(self):
        run(GOOD)
        before = (
            Report.objects.count(),
            MeasureValue.objects.count(),
            Report.history.count(),
            MeasureValue.history.count(),
        )
        result = run(GOOD)
        self.assertFalse(result.changed)
        self.assertEqual(result.unchanged, 3)
        after = (
            Report.objects.count(),
            MeasureValue.objects.count(),
            Report.history.count(),
            MeasureValue.history.count(),
        )
        self.assertEqual(before, after)

    def test_a_changed_value_is_updated_and_other_measures_kept(self):
        run(GOOD)
        result = run(
            "year,org_kind,org_code,measure,value\n2020,region,01,bup.treatment.children,7\n"
        )
        self.assertEqual((result.created, result.updated, result.reports_created), (1, 0, 0))
        result = run(
            "year,org_kind,org_code,measure,value\n2020,region,01,bup.treatment.children,8\n"
        )
        self.assertEqual(result.updated, 1)
        self.assertEqual(
            MeasureValue.objects.filter(report__organisation=self.region_stockholm).count(), 3
        )
        self.assertEqual(MeasureValue.objects.get(code="bup.treatment.children").value, 8)

    def test_it_shares_the_report_with_the_initiatives_import(self):
        import_initiatives(
            b"year,part,org_kind,org_code,initiative,category,activities,goals,outputs,effects,"
            b"effect_level,effect_measured,funds_sek,phase,within_agreement\n"
            b"2020,barn-unga,region,01,A1,,,,,,,,,,\n"
        )
        result = run(GOOD)
        self.assertEqual(result.reports_created, 1)  # only Uppsala's is new
        report = Report.objects.get(organisation=self.region_stockholm)
        self.assertEqual((report.initiatives.count(), report.measures.count()), (1, 2))

    def test_it_refuses_every_kind_of_bad_row_with_line_numbers(self):
        bad = """year,org_kind,org_code,measure,value
2020,region,01,okant.matt,1
2020,region,98,bup.treatment.children,1
2020,landsting,01,bup.treatment.children,1
2020,region,01,bup.treatment.children,många
2020,region,03,bup.treatment.children,-3
2020,region,05,bup.treatment.children,
2020,municipality,0180,bup.treatment.children,5
2020,region,04,bup.treatment.children,5
2020,region,04,bup.treatment.children,6
2019,region,01,bup.treatment.children,1
"""
        with self.assertRaises(ImportFileError) as ctx:
            run(bad)
        text = "\n".join(ctx.exception.errors)
        self.assertEqual(len(ctx.exception.errors), 9)
        for expected in [
            "Rad 2: okänt mått ”okant.matt” för 2020",
            "Rad 3: okänd organisation region ”98”",
            "Rad 4: okänd organisationstyp ”landsting”",
            "Rad 5: value ”många” är inte ett heltal",
            "Rad 6: value ”-3” är inte ett heltal",
            "Rad 7: värdet saknas",
            "Rad 8: måttet ”bup.treatment.children” samlas inte in från kommun 2020",
            "Rad 10: måttet ”bup.treatment.children” för Region Sörmland 2020 finns redan på rad 9",
            "Rad 11: det finns ingen överenskommelse för år ”2019”",
        ]:
            self.assertIn(expected, text)
        self.assertEqual((Report.objects.count(), MeasureValue.objects.count()), (0, 0))

    def test_it_never_overwrites_a_report_made_in_the_product(self):
        Report.objects.create(organisation=self.region_stockholm, pot=self.pot)
        with self.assertRaises(ImportFileError) as ctx:
            run(GOOD)
        self.assertEqual(len(ctx.exception.errors), 2)
        self.assertEqual(MeasureValue.objects.count(), 0)

    def test_it_reads_xlsx(self):
        wb = Workbook()
        wb.active.append(["year", "org_kind", "org_code", "measure", "value"])
        wb.active.append([2020, "region", "01", "bup.treatment.children", 42])
        buf = io.BytesIO()
        wb.save(buf)
        import_measures(buf.getvalue())
        self.assertEqual(MeasureValue.objects.get().value, 42)

    def test_a_broken_xlsx_is_refused(self):
        other_zip = io.BytesIO()
        with zipfile.ZipFile(other_zip, "w") as z:
            z.writestr("hello.txt", "not a workbook")
        for data in (b"PK\x03\x04 not really a zip", other_zip.getvalue()):
            with self.assertRaises(ImportFileError) as ctx:
                import_measures(data)
            # Refused by the zip checks of uploads (not a zip) or by the workbook reader.
            self.assertRegex(ctx.exception.errors[0], "XLSX|inte en giltig Office-fil")


class ImportMeasuresCommandTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def write(self, text):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        path = Path(directory.name) / "matt.csv"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def test_it_imports_and_reports(self):
        out = io.StringIO()
        call_command("import_measures", self.write(GOOD), stdout=out)
        self.assertIn("3 rader skapade", out.getvalue())

    def test_a_bad_file_exits_with_status_2(self):
        path = self.write("year,org_kind,org_code,measure,value\n2020,region,01,x,1\n")
        with self.assertRaises(CommandError) as ctx:
            call_command("import_measures", path)
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertIn("Rad 2: okänt mått ”x”", str(ctx.exception))
