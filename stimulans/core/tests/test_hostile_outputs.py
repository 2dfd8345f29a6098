"""Every download survives any text: control characters that XML 1.0 cannot hold (already
stored, e.g. from before input was cleaned) and text that a spreadsheet would run as a formula,
in the status report and county fact sheets (Word, PDF, Excel), a plan's Word export, the
report export (Excel, CSV) and the allocation tables (Excel, CSV). The Word and PDF files read
right; no Excel cell is a formula; CSV text that would start a formula begins with an
apostrophe."""

import csv
import io

from django.test import SimpleTestCase
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from stimulans.analysis import charts
from stimulans.analysis.tests.helpers import PageTestCase
from stimulans.funds.models import Category, Pot
from stimulans.lib.numbers import parse_int
from stimulans.organisations.models import Organisation
from stimulans.plans.models import Activity
from stimulans.plans.tests.base import PlanTestCase
from stimulans.reporting.models import Initiative, Report
from stimulans.reporting.tests.export_data import ExportTestCase
from stimulans.test import FundsTestCase

# Word's line break (vertical tab), a form feed and other C0 controls in typed text.
HOSTILE = "Rad ett\x0bRad två\x01\x02\x08\x0c\x1f\ufffe slut"
READS = "Rad ett Rad två  slut"
READS_IN_PDF = "Rad ett Rad två slut"  # a PDF paragraph shows runs of spaces as one
FORMULA = '=HYPERLINK("http://example.com","klicka")'


def docx_text(content):
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


class SpreadsheetAssertions:
    def assertNoFormula(self, content):
        """Opens the workbook; no cell of any sheet is a formula. Returns the workbook."""
        workbook = load_workbook(io.BytesIO(content))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    self.assertNotEqual(
                        cell.data_type, "f", f"{sheet.title}!{cell.coordinate}: {cell.value}"
                    )
        return workbook

    def values(self, workbook):
        return {v for s in workbook.worksheets for r in s.iter_rows(values_only=True) for v in r}

    def get_ok(self, url, data=None):
        if data is None and hasattr(self, "download"):
            return self.download(url).getvalue()  # a document: through its job the first time
        response = self.client.get(url, data or {})
        self.assertEqual(response.status_code, 200, url)
        return response.content


class StatusReportOutputsTest(SpreadsheetAssertions, PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Initiative.objects.filter(pk=cls.initiative.pk).update(title=FORMULA, effects=HOSTILE)
        Category.objects.filter(pk=cls.initiative.category_id).update(title="Samordning" + HOSTILE)
        type(cls.agreement).objects.filter(pk=cls.agreement.pk).update(title="Avtal\x01 2020")

    def report_url(self, fmt):
        return reverse("analysis:download_report", args=[2020, fmt])

    def county_url(self, fmt):
        return reverse("analysis:download_county", args=[2020, "01", fmt])

    def test_the_status_report_survives_for_the_analyst_and_the_public(self):
        self.login(self.anna)
        for reader in ("anna", "public"):
            if reader == "public":
                self.client.logout()
                self.publish()
            text = docx_text(self.get_ok(self.report_url("docx")))
            self.assertIn(READS, text)
            self.assertIn("Avtal 2020", text)
            self.assertIn("Samordning" + READS, text)
            self.assertIn(READS_IN_PDF, pdf_text(self.get_ok(self.report_url("pdf"))))
            workbook = self.assertNoFormula(self.get_ok(self.report_url("xlsx")))
            effects = list(workbook["Effekter"].iter_rows(values_only=True))
            self.assertIn(FORMULA, [row[4] for row in effects])
            self.assertIn(READS, [row[5] for row in effects])

    def test_the_county_fact_sheet_survives_for_the_coordinator_and_the_public(self):
        self.login(self.cora)
        for reader in ("cora", "public"):
            if reader == "public":
                self.client.logout()
                self.publish()
            self.assertIn(READS, docx_text(self.get_ok(self.county_url("docx"))))
            self.assertIn(READS_IN_PDF, pdf_text(self.get_ok(self.county_url("pdf"))))
            workbook = self.assertNoFormula(self.get_ok(self.county_url("xlsx")))
            self.assertIn(FORMULA, self.values(workbook))


class StatusReportFormulaTest(SpreadsheetAssertions, PageTestCase):
    """A formula typed as an initiative's title, in otherwise plain text."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Initiative.objects.filter(pk=cls.initiative.pk).update(title=FORMULA)

    def test_the_effects_sheets_write_the_title_as_text(self):
        self.publish()
        for url in (
            reverse("analysis:download_report", args=[2020, "xlsx"]),
            reverse("analysis:download_county", args=[2020, "01", "xlsx"]),
        ):
            workbook = self.assertNoFormula(self.get_ok(url))
            self.assertIn(
                FORMULA, [row[4] for row in workbook["Effekter"].iter_rows(values_only=True)]
            )


class PlanExportOutputTest(PlanTestCase):
    def test_the_word_export_survives_control_characters(self):
        type(self.published).objects.filter(pk=self.published.pk).update(
            purpose=HOSTILE, title="Plan\x01" + FORMULA
        )
        Activity.objects.filter(pk=self.published.activities.first().pk).update(
            title="Aktivitet" + HOSTILE
        )
        for user in (self.cora, self.alice, self.otto):
            self.login(user)
            response = self.client.get(
                reverse("plans:plan_export", args=[self.published.pk, "docx"])
            )
            self.assertEqual(response.status_code, 200, user.username)
            text = docx_text(response.content)
            self.assertIn(READS, text)
            self.assertIn("Plan" + FORMULA, text)
            self.assertIn("Aktivitet" + READS, text)


class ReportExportOutputTest(SpreadsheetAssertions, ExportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        report = cls.reports["0180"]
        Report.objects.filter(pk=report.pk).update(
            answers={"=SUM(1+1)": "svar", "comment": HOSTILE, "note\x01": "@x"},
            funds_explanation="+46 70 123",
        )
        report.initiatives.update(title=HOSTILE, activities="-1")

    def test_the_excel_export_has_no_formula_and_clean_text(self):
        for user in (self.cora, self.anna):
            self.login(user)
            workbook = self.assertNoFormula(
                self.get_ok(reverse("reporting:export_xlsx", args=[self.pot.pk]))
            )
            values = self.values(workbook)
            self.assertIn("=SUM(1+1)", values)  # the answer key, as a text header
            self.assertIn("note", values)
            self.assertIn(READS, values)
            self.assertIn('=HYPERLINK("http://example.com")', values)

    def test_the_csv_export_escapes_formulas_in_header_and_cells(self):
        self.login(self.anna)
        url = reverse("reporting:export_csv", args=[self.pot.pk, "answers"])
        rows = list(csv.reader(io.StringIO(self.get_ok(url).decode("utf-8-sig"))))
        self.assertIn("'=SUM(1+1)", rows[0])
        self.assertNotIn("=SUM(1+1)", rows[0])
        self.assertIn("note", rows[0])
        cells = {c for row in rows[1:] for c in row}
        self.assertIn("'@x", cells)
        self.assertIn("'+46 70 123", cells)
        self.assertIn(READS, cells)
        url = reverse("reporting:export_csv", args=[self.pot.pk, "initiatives"])
        rows = list(csv.reader(io.StringIO(self.get_ok(url).decode("utf-8-sig"))))
        cells = {c for row in rows[1:] for c in row}
        self.assertIn("'-1", cells)
        self.assertIn(READS, cells)
        self.assertFalse(any(c.startswith(("=", "+", "-", "@")) for c in cells))


class AllocationExportOutputTest(SpreadsheetAssertions, FundsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pot = Pot.objects.get(
            part__slug="handlingsplaner-mobila", recipient_kind="municipality"
        )
        cls.url = f"/avtal/2020/potter/{cls.pot.pk}/"
        Organisation.objects.filter(pk=cls.botkyrka.pk).update(name="=1+1" + HOSTILE)

    def test_the_allocation_tables_have_no_formula_and_clean_text(self):
        self.login(self.alice)
        workbook = self.assertNoFormula(self.get_ok(self.url, {"_export": "xlsx"}))
        self.assertIn("=1+1" + READS, self.values(workbook))
        content = self.get_ok(self.url, {"_export": "csv"})
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        names = {row[1] for row in rows[1:]}
        self.assertIn("'=1+1" + READS, names)
        amounts = {row[0]: parse_int(row[4]) for row in rows[1:]}  # Swedish: 57 686
        self.assertEqual(
            amounts["0127"], self.pot.allocations.get(organisation=self.botkyrka).amount_sek
        )


class ChartTextTest(SimpleTestCase):
    """The charts of the Word and PDF documents are pictures: a control character in a label
    would be drawn as a box. They are drawn as if it were not there."""

    def test_labels_titles_and_boxes_are_drawn_without_control_characters(self):
        self.assertEqual(
            charts.bar_chart_png([("Rad\x01 ett\x0b", 5)], title="T\x02itel"),
            charts.bar_chart_png([("Rad ett ", 5)], title="Titel"),
        )
        self.assertEqual(
            charts.flowchart_png([("Mål\x03", ["Rad ett\x0bRad två\x1f"])]),
            charts.flowchart_png([("Mål", ["Rad ett Rad två"])]),
        )
        svg = charts.bar_chart_svg([("a\x01", 1)], title="b\x02") + charts.flowchart_svg(
            [("c\x03", ["d\x04"])]
        )
        self.assertNotRegex(svg, "[\x00-\x08]")
