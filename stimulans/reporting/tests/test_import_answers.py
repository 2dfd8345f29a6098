"""`stimulans import-answers`: the files in fixtures/, with the 2020 questionnaire of the
regions' child and youth pot."""

import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.models import Organisation
from stimulans.reporting.answer_import import import_answers
from stimulans.reporting.imports import INITIATIVE_COLUMNS, ImportFileError, import_initiatives
from stimulans.reporting.models import Initiative, MeasureValue, Report, ReportStatus
from stimulans.reporting.questionnaires.loader import QUESTIONNAIRE_DIR, install_questionnaire
from stimulans.test import BaseTestCase

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = (FIXTURES / "answers-2020.csv").read_bytes()
BAD = (FIXTURES / "answers-bad.csv").read_bytes()
INITIATIVES = (
    ",".join(INITIATIVE_COLUMNS)
    + "\n2020,barn-unga,region,01,A1,verksamhetsutveckling,Utbildning,,,,,,100,,\n"
).encode()


def history_counts():
    return (
        Report.history.count(),
        Initiative.history.count(),
        MeasureValue.history.count(),
    )


class ChildYouthPotTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        cls.pot = Pot.objects.get(part__slug="barn-unga", recipient_kind="region")
        path = QUESTIONNAIRE_DIR / "2020" / "barn-unga--region.xlsx"
        install_questionnaire(cls.pot, path.read_bytes(), path.name)

    def report(self, org=None):
        return Report.objects.get(organisation=org or self.region_stockholm, pot=self.pot)


class AnswerImportTest(ChildYouthPotTestCase):
    def test_it_imports_submitted_reports_with_answers(self):
        result = import_answers(GOOD)
        self.assertEqual((result.reports_created, result.created), (2, 10))
        report = self.report()
        self.assertEqual(report.status, ReportStatus.SUBMITTED)
        self.assertTrue(report.imported)
        self.assertEqual(
            report.answers,
            {
                "disruption": "pandemic",
                "disruption_description": "Vården ställde om till digitala besök",
                "support_needed": ["knowledge", "data"],
                "youth_target_groups": ["13-17", "18-24"],
                "youth_clinics_count": "1200",
            },
        )
        # The funds question goes to the report's column, the measure to its measures.
        self.assertEqual(report.funds_used_sek, 5_000_000)
        self.assertEqual(
            list(report.measures.values_list("code", "value")),
            [("bup.first_assessment.children", 300)],
        )
        # "3" lost its leading zero in a spreadsheet.
        uppsala = self.report(Organisation.objects.get(kind="region", code="03"))
        self.assertEqual(
            uppsala.answers,
            {"disruption": "no", "support_needed": ["none"], "youth_clinics_count": "4"},
        )

    def test_importing_twice_changes_nothing(self):
        import_answers(GOOD)
        before = history_counts()
        result = import_answers(GOOD)
        self.assertFalse(result.changed)
        self.assertEqual((result.unchanged, result.reports_created), (10, 0))
        self.assertEqual(history_counts(), before)

    def test_changed_and_emptied_answers(self):
        import_answers(GOOD)
        result = import_answers(
            b"year,part,org_kind,org_code,question,value\n"
            b"2020,barn-unga,region,01,disruption,other\n"
            b"2020,barn-unga,region,01,support_needed,\n"
            b"2020,barn-unga,region,01,bup_first_assessment_children,\n"
            b"2020,barn-unga,region,01,funds_used_sek,\n"
        )
        self.assertEqual((result.updated, result.deleted, result.created), (1, 3, 0))
        report = self.report()
        self.assertEqual(report.answers["disruption"], "other")
        self.assertNotIn("support_needed", report.answers)
        # The answers not in the file are kept.
        self.assertEqual(report.answers["youth_clinics_count"], "1200")
        self.assertIsNone(report.funds_used_sek)
        self.assertFalse(report.measures.exists())

    def test_every_bad_row_is_listed_and_nothing_changes(self):
        with self.assertRaises(ImportFileError) as ctx:
            import_answers(BAD)
        errors = ctx.exception.errors
        self.assertEqual(
            [e.split(":")[0] for e in errors],
            ["Rad 2", "Rad 3", "Rad 4", "Rad 6", "Rad 7", "Rad 8", "Rad 9"],
        )
        self.assertIn("okänd fråga ”favourite_colour”", errors[0])
        self.assertIn("”money” finns inte bland alternativen", errors[1])
        self.assertIn("knowledge, data, networks, training, none", errors[1])
        self.assertIn("”fyra” är inte ett heltal", errors[2])
        self.assertIn("finns redan på rad 5", errors[3])
        # A question of the initiatives repeat is no question of the report.
        self.assertIn("okänd fråga ”effect_level”", errors[4])
        self.assertIn("har ingen enkät", errors[5])
        self.assertIn("okänd del ”ingen-del”", errors[6])
        self.assertFalse(Report.objects.exists())

    def test_reports_made_in_the_product_are_refused(self):
        Report.objects.create(organisation=self.region_stockholm, pot=self.pot)
        with self.assertRaises(ImportFileError) as ctx:
            import_answers(GOOD)
        self.assertIn("Rad 2:", ctx.exception.errors[0])
        self.assertIn("skrivs inte över av en import", ctx.exception.errors[0])
        self.assertEqual(Report.objects.count(), 1)
        self.assertEqual(self.report().answers, {})

    def test_answers_keep_the_initiatives(self):
        import_initiatives(INITIATIVES)
        import_answers(GOOD)
        report = self.report()
        self.assertEqual(list(report.initiatives.values_list("identifier", flat=True)), ["A1"])
        self.assertEqual(report.answers["disruption"], "pandemic")

    def test_initiatives_keep_the_answers(self):
        import_answers(GOOD)
        result = import_initiatives(INITIATIVES)
        self.assertEqual((result.reports_created, result.created), (0, 1))
        report = self.report()
        self.assertEqual(report.answers["support_needed"], ["knowledge", "data"])
        self.assertEqual(report.funds_used_sek, 5_000_000)
        self.assertEqual(report.measures.count(), 1)
        # And again with the initiative changed: the answers are still there.
        import_initiatives(INITIATIVES.replace(b"Utbildning", b"Kurser"))
        self.assertEqual(self.report().answers["disruption"], "pandemic")
        self.assertEqual(Initiative.objects.get().activities, "Kurser")


class ImportAnswersCommandTest(ChildYouthPotTestCase):
    def test_command_reads_xlsx(self):
        workbook = Workbook()
        sheet = workbook.active
        for row in GOOD.decode().splitlines():
            if row:
                sheet.append(row.replace('"1 200"', "1200").split(","))
        buffer = io.BytesIO()
        workbook.save(buffer)
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as f:
            f.write(buffer.getvalue())
            f.flush()
            out = io.StringIO()
            call_command("import_answers", f.name, stdout=out)
        self.assertIn("2 redovisningar (2 nya): 10 rader skapade", out.getvalue())
        self.assertEqual(self.report().answers["youth_clinics_count"], "1200")

    def test_command_refuses_a_bad_file_with_status_2(self):
        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(BAD)
            f.flush()
            with self.assertRaises(CommandError) as ctx:
                call_command("import_answers", f.name, stdout=io.StringIO())
        self.assertEqual(ctx.exception.returncode, 2)
        message = str(ctx.exception)
        self.assertTrue(message.startswith("Inget importerades:"))
        self.assertIn("Rad 9:", message)
        self.assertFalse(Report.objects.exists())
