"""The category flowcharts in the documents: a table per pot, the category's name and the most
reported groups of each column with their actors; codes nowhere."""

import io

from django.contrib.auth.models import AnonymousUser
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from .. import snapshot, stored_documents
from ..year_analysis import analyse_year
from .helpers import PageTestCase


class FlowchartDocumentsTest(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.flowcharts = snapshot.document_flowcharts(cls.agreement)
        data = analyse_year(cls.agreement)
        cls.pdf = snapshot.render_document(data, "pdf", flowcharts=cls.flowcharts)
        cls.docx = snapshot.render_document(data, "docx", flowcharts=cls.flowcharts)
        cls.xlsx = snapshot.render_document(data, "xlsx", flowcharts=cls.flowcharts)

    def test_pdf(self):
        reader = PdfReader(io.BytesIO(self.pdf))
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        self.assertIn("Flödesschema per kategori", text)
        self.assertIn("Anställt en samordnare (1 aktör)", text)
        self.assertIn("Fler skolor har utbildats i psykisk första hjälp (1 aktör)", text)
        self.assertNotIn("samordning-projektledning", text)

    def test_word_and_excel(self):
        document = Document(io.BytesIO(self.docx))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        self.assertIn("Samordning och projektledning – finansiering av tjänster", cells)
        self.assertIn("Anställt en samordnare (1 aktör)", cells)
        workbook = load_workbook(io.BytesIO(self.xlsx))
        flow = [name for name in workbook.sheetnames if "flöde" in name]
        self.assertTrue(flow, workbook.sheetnames)
        values = [
            v for name in flow for row in workbook[name].iter_rows(values_only=True) for v in row
        ]
        self.assertIn("Föreläsningar för vårdpersonal (1 aktör)", values)

    def test_without_flowcharts_there_is_no_table(self):
        pdf = snapshot.render_document(analyse_year(self.agreement), "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        text = " ".join(page.extract_text() for page in reader.pages)
        self.assertNotIn("Flödesschema per kategori", text)

    def test_publishing_stores_them_in_the_documents(self):
        version = snapshot.publish(self.agreement)
        src = stored_documents.source(AnonymousUser(), self.agreement, None, "pdf", draft=False)
        self.assertEqual(src.version, version)
        reader = PdfReader(io.BytesIO(stored_documents.make(src)))
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        self.assertIn("Anställt en samordnare (1 aktör)", text)
