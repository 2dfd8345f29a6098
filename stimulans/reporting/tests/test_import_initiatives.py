import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.imports import (
    INITIATIVE_COLUMNS,
    ImportFileError,
    import_initiatives,
)
from stimulans.reporting.models import Initiative, Report, ReportStatus
from stimulans.test import BaseTestCase

HEADER = ",".join(INITIATIVE_COLUMNS)
GOOD = f"""{HEADER}
2020,barn-unga,region,01,A1,verksamhetsutveckling,Utbildning,Bättre vård,10 kurser,\
Kortare väntan,target_group,true,"1 200 000",implemented,
2020,barn-unga,region,01,A2,kunskap-kompetens,Seminarier,,,,organisation,,,planned,false
2020,god-vard,municipality,0180,S1,patientsakerhet,Rutiner,,,,,,500000,,true
2020,barn-unga,region,03,U1,,Nätverk,,,,,,,,
"""


def run(text):
    return import_initiatives(text.encode("utf-8"))


class InitiativeImportTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def test_it_imports_submitted_reports_with_initiatives(self):
        result = run(GOOD)
        self.assertEqual(result.reports_created, 3)
        self.assertEqual(result.created, 4)
        report = Report.objects.get(organisation=self.region_stockholm, pot__part__slug="barn-unga")
        self.assertEqual(report.status, ReportStatus.SUBMITTED)
        self.assertTrue(report.imported)
        self.assertIsNotNone(report.submitted_at)
        a1, a2 = report.initiatives.order_by("order")
        self.assertEqual(a1.identifier, "A1")
        self.assertEqual(a1.category.slug, "verksamhetsutveckling")
        self.assertEqual(a1.funds_sek, 1_200_000)
        self.assertEqual(a1.effect_level, "target_group")
        self.assertTrue(a1.effect_measured)
        self.assertTrue(a1.within_agreement)  # empty = true
        self.assertEqual(a1.phase, "implemented")
        self.assertEqual(a1.activities, "Utbildning")
        self.assertFalse(a2.effect_measured)  # empty = false
        self.assertFalse(a2.within_agreement)
        self.assertIsNone(a2.funds_sek)
        self.assertEqual(a2.phase, "planned")
        s1 = Initiative.objects.get(identifier="S1")
        self.assertEqual(s1.report.organisation, self.stockholm)
        self.assertEqual(s1.report.pot.recipient_kind, "municipality")
        self.assertIsNone(Initiative.objects.get(identifier="U1").category)

    def test_importing_the_same_file_twice_changes_nothing(self):
        run(GOOD)
        counts = (
            Report.objects.count(),
            Initiative.objects.count(),
            Report.history.count(),
            Initiative.history.count(),
        )
        values = list(Initiative.objects.order_by("pk").values())
        result = run(GOOD)
        self.assertFalse(result.changed)
        self.assertEqual(result.unchanged, 4)
        self.assertEqual(
            counts,
            (
                Report.objects.count(),
                Initiative.objects.count(),
                Report.history.count(),
                Initiative.history.count(),
            ),
        )
        self.assertEqual(values, list(Initiative.objects.order_by("pk").values()))

    def test_a_corrected_file_updates_creates_and_deletes(self):
        run(GOOD)
        corrected = f"""{HEADER}
2020,barn-unga,region,01,A1,verksamhetsutveckling,Utbildning,Bättre vård,10 kurser,\
Kortare väntan,target_group,true,1300000,implemented,
2020,barn-unga,region,01,A3,kunskap-kompetens,Ny,,,,,,,,
"""
        result = run(corrected)
        self.assertEqual((result.created, result.updated, result.deleted), (1, 1, 1))
        report = Report.objects.get(organisation=self.region_stockholm, pot__part__slug="barn-unga")
        self.assertEqual(
            list(report.initiatives.values_list("identifier", "funds_sek")),
            [("A1", 1_300_000), ("A3", None)],
        )
        # Reports not named in the file are untouched.
        self.assertTrue(Initiative.objects.filter(identifier="S1").exists())

    def test_it_refuses_every_kind_of_bad_row_with_line_numbers(self):
        bad = f"""{HEADER}
2020,okand-del,region,01,X1,,,,,,,,,,
2020,barn-unga,region,99,X2,,,,,,,,,,
2020,barn-unga,kommun,0180,X3,,,,,,,,,,
2020,barn-unga,region,01,X4,okand-kategori,,,,,,,,,
2020,barn-unga,region,01,X5,,,,,,,,12 kr,,
2020,barn-unga,region,01,X6,,,,,,,,-5,,
2020,barn-unga,region,01,X7,,,,,,hög,ja,,later,kanske
2020,barn-unga,region,01,X8,,,,,,,,,,
2020,barn-unga,region,01,X8,,,,,,,,,,
1999,barn-unga,region,01,X9,,,,,,,,,,
2020,barn-unga,region,01,,,,,,,,,,,
2020,samsjuklighet,municipality,0180,X10,,,,,,,,,,
"""
        with self.assertRaises(ImportFileError) as ctx:
            run(bad)
        errors = ctx.exception.errors
        text = "\n".join(errors)
        for expected in [
            "Rad 2: okänd del ”okand-del”",
            "Rad 3: okänd organisation region ”99”",
            "Rad 4: okänd organisationstyp ”kommun”",
            "Rad 5: okänd kategori ”okand-kategori” för",
            "Rad 6: funds_sek ”12 kr” är inte ett heltal",
            "Rad 7: funds_sek ”-5” är inte ett heltal",
            "Rad 8: effect_level ”hög”",
            "Rad 8: effect_measured ”ja” ska vara true eller false",
            "Rad 8: phase ”later”",
            "Rad 8: within_agreement ”kanske”",
            "Rad 10: insatsen ”X8” för Region Stockholm",
            "finns redan på rad 9",
            "Rad 11: det finns ingen överenskommelse för år ”1999”",
            "Rad 12: insatsens id saknas",
            "Rad 13: delen ”samsjuklighet” 2020 har inga medel för kommun",
        ]:
            self.assertIn(expected, text)
        self.assertFalse(any(e.startswith("Rad 9:") for e in errors))
        self.assertEqual(Report.objects.count(), 0)
        self.assertEqual(Initiative.objects.count(), 0)

    def test_one_bad_row_refuses_the_whole_file(self):
        with self.assertRaises(ImportFileError) as ctx:
            run(GOOD + "2020,barn-unga,region,01,A9,okand,,,,,,,,,\n")
        self.assertEqual(len(ctx.exception.errors), 1)
        self.assertIn("Rad 6:", ctx.exception.errors[0])
        self.assertEqual(Report.objects.count(), 0)

    def test_it_refuses_a_bad_header_and_empty_or_non_utf8_files(self):
        for data, message in [
            (b"", "Filen är tom"),
            (b"year,part\n2020,barn-unga\n", "Rad 1: kolumnerna"),
            (HEADER.encode() + b"\n", "inga rader"),
            ("år\n2020\n".encode("cp1252"), "inte UTF-8"),
        ]:
            with self.subTest(message=message), self.assertRaises(ImportFileError) as ctx:
                import_initiatives(data)
            self.assertIn(message, ctx.exception.errors[0])

    def test_it_never_overwrites_a_report_made_in_the_product(self):
        pot = Pot.objects.get(part__slug="barn-unga", recipient_kind="region")
        Report.objects.create(organisation=self.region_stockholm, pot=pot)
        with self.assertRaises(ImportFileError) as ctx:
            run(GOOD)
        self.assertIn("Rad 2: Region Stockholm har redan en redovisning", ctx.exception.errors[0])
        self.assertEqual(Initiative.objects.count(), 0)

    def test_it_reads_xlsx_with_numeric_cells(self):
        wb = Workbook()
        ws = wb.active
        ws.append(INITIATIVE_COLUMNS)
        ws.append(
            [2020, "barn-unga", "region", 1, "A1", "verksamhetsutveckling"]
            + ["Utbildning", "", "", "", "", True, 5000, "implemented", False]
        )
        buf = io.BytesIO()
        wb.save(buf)
        result = import_initiatives(buf.getvalue())
        self.assertEqual(result.created, 1)
        a1 = Initiative.objects.get()
        self.assertEqual(a1.report.organisation, self.region_stockholm)
        self.assertEqual(a1.funds_sek, 5000)
        self.assertTrue(a1.effect_measured)
        self.assertFalse(a1.within_agreement)

    def test_a_large_file_is_written_in_bulk(self):
        # 2 000 initiatives in two reports: row by row that is at least 4 000 statements (the
        # row and its history row); in bulk, batches of rows, whatever the database's batch size.
        rows = [
            f"2020,{part},{kind},{code},I{i},,Aktivitet {i},,,,,,{1000 + i},,"
            for part, kind, code in [
                ("barn-unga", "region", "01"),
                ("god-vard", "municipality", "0180"),
            ]
            for i in range(1000)
        ]
        data = "\n".join([HEADER, *rows]).encode()
        with CaptureQueriesContext(connection) as queries:
            result = import_initiatives(data, user=self.adam)
        self.assertEqual((result.reports_created, result.created), (2, 2000))
        self.assertLess(len(queries), 200)
        self.assertEqual(Initiative.history.filter(history_type="+").count(), 2000)
        self.assertFalse(Initiative.history.exclude(history_user=self.adam).exists())
        self.assertEqual(Report.history.count(), 2)
        initiative = Initiative.objects.get(report__organisation=self.stockholm, identifier="I7")
        self.assertEqual((initiative.order, initiative.funds_sek), (7, 1007))

        changed = data.replace(b",Aktivitet ", b",Ny aktivitet ")
        with CaptureQueriesContext(connection) as queries:
            result = import_initiatives(changed, user=self.adam)
        self.assertEqual((result.updated, result.unchanged), (2000, 0))
        self.assertLess(len(queries), 200)
        self.assertEqual(Initiative.history.filter(history_type="~").count(), 2000)
        initiative.refresh_from_db()
        self.assertEqual(initiative.activities, "Ny aktivitet 7")


class ImportInitiativesCommandTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def write(self, text):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        path = Path(directory.name) / "insatser.csv"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def test_it_imports_and_reports(self):
        out = io.StringIO()
        call_command("import_initiatives", self.write(GOOD), stdout=out)
        self.assertIn("3 redovisningar (3 nya)", out.getvalue())
        self.assertEqual(Initiative.objects.count(), 4)

    def test_a_bad_file_exits_with_status_2_listing_every_row(self):
        path = self.write(
            f"{HEADER}\n2020,x,region,01,A,,,,,,,,,,\n2020,barn-unga,region,77,B,,,,,,,,,,\n"
        )
        with self.assertRaises(CommandError) as ctx:
            call_command("import_initiatives", path)
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertIn("Rad 2: okänd del", str(ctx.exception))
        self.assertIn("Rad 3: okänd organisation", str(ctx.exception))
        self.assertEqual(Report.objects.count(), 0)

    def test_a_missing_file_exits_with_status_2(self):
        with self.assertRaises(CommandError) as ctx:
            call_command("import_initiatives", "/nonexistent/file.csv")
        self.assertEqual(ctx.exception.returncode, 2)


class OptionalColumnsTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def test_title_and_measurement_are_imported_when_present_and_kept_when_absent(self):
        with_title = (
            HEADER + ",title,measurement,ignored\n"
            "2020,barn-unga,region,01,A1,,,,,,,,,,,Mobilt team,Enkät,x\n"
        )
        run(with_title)
        a1 = Initiative.objects.get()
        self.assertEqual((a1.title, a1.measurement), ("Mobilt team", "Enkät"))
        result = run(f"{HEADER}\n2020,barn-unga,region,01,A1,,,,,,,,,,\n")
        self.assertFalse(result.changed)
        a1.refresh_from_db()
        self.assertEqual(a1.title, "Mobilt team")
        with self.assertRaises(ImportFileError) as ctx:
            run(HEADER + ",title\n2020,barn-unga,region,01,A1,,,,,,,,,,," + "x" * 301 + "\n")
        self.assertIn("Rad 2: rubriken är längre än 300 tecken", ctx.exception.errors[0])

    def test_semicolon_separated_files_as_saved_by_a_swedish_excel(self):
        text = (
            ";".join(INITIATIVE_COLUMNS) + "\r\n2020;barn-unga;region;01;A1;;Aktivitet, med komma"
            ";;;;;;1 000;;\r\n"
        )
        run(text)
        a1 = Initiative.objects.get()
        self.assertEqual((a1.activities, a1.funds_sek), ("Aktivitet, med komma", 1000))
