"""The status report's chapter on support needs per theme and part (from stimulans.support)."""

import io

from docx import Document
from openpyxl import load_workbook

from stimulans.support.models import NeedSource, SupportNeed, SupportTheme
from stimulans.support.reference import load_support_reference

from ..snapshot import SECTIONS, publish, published_section, render_document
from ..year_analysis import analyse_year
from .helpers import AnalysisTestCase


class SupportNeedsChapterTests(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_support_reference()
        theme = SupportTheme.objects.get(code="suicidprevention")
        for county in (cls.stockholm.county, cls.uppsala.county):
            SupportNeed.objects.create(
                source=NeedSource.DIALOGUE,
                year=2020,
                county=county,
                part=cls.suicide,
                theme=theme,
                description="HEMLIG TEXT",
            )

    def test_the_national_report_counts_needs_per_theme_and_part(self):
        data = analyse_year(self.agreement)
        rows = {r["theme"]: r for r in data["support_needs"]["rows"]}
        self.assertEqual(rows["suicidprevention"]["by_part"]["suicidprevention"], 2)
        self.assertEqual(rows["suicidprevention"]["total"], 2)
        self.assertIsNone(analyse_year(self.agreement, county="01")["support_needs"])

    def test_the_page_and_documents_show_the_chapter_without_texts(self):
        self.login(self.anna)
        page = self.client.get("/analys/2020/").content.decode()
        self.assertIn('id="stodbehov"', page)
        self.assertIn("Totalt 2 stödbehov, varav 0 ännu inte kodade till tema.", page)
        self.assertNotIn("HEMLIG TEXT", page)
        data = analyse_year(self.agreement)
        docx = Document(io.BytesIO(render_document(data, "docx")))
        headings = [p.text for p in docx.paragraphs]
        self.assertIn("Stödbehov", headings)
        workbook = load_workbook(io.BytesIO(render_document(data, "xlsx")))
        self.assertIn("Stödbehov", workbook.sheetnames)
        sheet = workbook["Stödbehov"]
        values = [c for row in sheet.iter_rows(values_only=True) for c in row]
        self.assertIn("Suicidprevention (prioriterat)", values)
        self.assertNotIn('id="stodbehov"', self.client.get("/analys/2020/lan/01/").content.decode())

    def test_publication_stores_the_section(self):
        self.assertIn("support_needs", SECTIONS)
        publish(self.agreement, self.adam)
        SupportNeed.objects.all().delete()
        section = published_section(2020, "support_needs")
        self.assertEqual(section["total"], 2)
