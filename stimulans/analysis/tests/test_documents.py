"""The status report as printed documents: A4, Swedish, tagged PDF, the version label on every
page, repeated table headers, numbers in Swedish form, and no codes anywhere."""

import datetime
import io
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from stimulans.funds.models import Category
from stimulans.test import numbers_stored_as_text

from ..documents import excel
from ..documents.blocks import cell as cell_text
from ..models import Indicator, StatusReportVersion
from ..snapshot import render_document
from ..year_analysis import analyse_year
from .helpers import PageTestCase, county_org, make_initiative, make_report
from .test_answers import AnswersTestCase

PUBLISHED = "Version 2, publicerad 2026-12-01"


def version_2():
    """A published version 2 (not saved: the renderers read its number, date and note)."""
    published = timezone.make_aware(datetime.datetime(2026, 12, 1, 12, 0))
    return StatusReportVersion(number=2, published_at=published, note="")


NBSP = "\u00a0"


def struct_elements(node, found):
    """Every structure element under `node` of a PDF's StructTreeRoot."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            struct_elements(child, found)
    elif hasattr(node, "get") and "/S" in node:
        found.append(node)
        struct_elements(node.get("/K", []), found)
    return found


class DocumentsTest(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        big = make_report(county_org("04"), cls.suicide_pot, funds_used_sek=1_234_567)
        make_initiative(big, cls.cat["samordning-projektledning"], funds_sek=1_234_567)
        cls.data = analyse_year(cls.agreement)
        cls.pdf = render_document(cls.data, "pdf")
        cls.docx = render_document(cls.data, "docx")
        cls.xlsx = render_document(cls.data, "xlsx", version_2())

    def codes(self, text):
        """The codes (part and category slugs, indicator and measure codes, recipient kinds)
        found in `text`, leaving out those that are also words of a title."""
        titles = " ".join(
            [p.title for p in self.agreement.parts.all()]
            + [c.title for c in Category.objects.all()]
        )
        codes = set(self.agreement.parts.values_list("slug", flat=True))
        codes |= set(Category.objects.values_list("slug", flat=True))
        for ind in Indicator.objects.all():
            codes |= {ind.code, ind.numerator, ind.denominator}
        codes |= {"region:01", "national", "county", "municipality"}
        found = set()
        for code in codes:
            pattern = rf"(?<![\w.-]){re.escape(code)}(?![\w.-])"
            if re.search(pattern, text) and not re.search(pattern, titles):
                found.add(code)
        return found

    def test_pdf_pages(self):
        reader = PdfReader(io.BytesIO(self.pdf))
        self.assertGreater(len(reader.pages), 5)
        label = f"Utkast {timezone.localdate().isoformat()}"
        landscape = []
        for n, page in enumerate(reader.pages, start=1):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            if width > height:  # the money's wide tables
                landscape.append(n)
                width, height = height, width
            self.assertAlmostEqual(width / 72 * 25.4, 210, places=0)  # A4 in millimetres
            self.assertAlmostEqual(height / 72 * 25.4, 297, places=0)
            text = page.extract_text()
            self.assertIn("Lägesrapport 2020", text, n)
            self.assertIn(label, text, n)
            self.assertIn(f"Sida {n} av {len(reader.pages)}", text)
        # The money section, and only it, on A4 landscape pages that follow each other.
        first = next(
            n
            for n, page in enumerate(reader.pages, start=1)
            if "Medel per pott i hela landet" in page.extract_text()
        )
        self.assertEqual(landscape, list(range(first, first + len(landscape))))
        after = reader.pages[landscape[-1]].extract_text()
        self.assertIn("Fortsatt utvecklingsarbete", after)

    def test_pdf_language_and_tags(self):
        reader = PdfReader(io.BytesIO(self.pdf))
        root = reader.trailer["/Root"]
        self.assertEqual(root["/Lang"], "sv-SE")
        self.assertTrue(root["/MarkInfo"]["/Marked"])
        elements = struct_elements(root["/StructTreeRoot"]["/K"], [])
        kinds = {e["/S"] for e in elements}
        self.assertTrue({"/H1", "/H2", "/Table", "/TH", "/TD", "/Figure"} <= kinds, kinds)
        figures = [e for e in elements if e["/S"] == "/Figure"]
        # The flowchart of every part (7) and a chart per indicator (4); no funds or answers
        # charts: the category and answers tables beside them hold the same figures.
        self.assertEqual(len(figures), 7 + 4)
        for figure in figures:
            self.assertTrue(str(figure.get("/Alt", "")).strip())
        self.assertIn("Lägesrapport 2020", reader.metadata.title)

    def test_pdf_content(self):
        reader = PdfReader(io.BytesIO(self.pdf))
        text = "\n".join(page.extract_text() for page in reader.pages)
        self.assertIn("Innehåll", text)
        self.assertIn("Överenskommelse om insatser inom området psykisk hälsa 2020", text)
        self.assertIn("Samordning och projektledning", text)
        self.assertIn(f"1{NBSP}234{NBSP}707", text)  # the pot's funds, thousands separated
        self.assertIn("80,0 %", text)
        self.assertIn("Andel barn som påbörjat behandling inom BUP inom 30 dagar", text)
        self.assertEqual(self.codes(text), set())
        # The table of contents gives each section's page.
        toc = reader.pages[1].extract_text()
        page = re.search(r"En nollvision för suicid – suicidprevention \.+ (\d+)", toc)
        self.assertIsNotNone(page)
        target = reader.pages[int(page.group(1)) - 1].extract_text()
        self.assertIn("En nollvision för suicid – suicidprevention", target)

    def test_pdf_published(self):
        data = analyse_year(self.agreement, county="01")
        reader = PdfReader(io.BytesIO(render_document(data, "pdf", version_2())))
        for page in reader.pages:
            text = page.extract_text()
            self.assertIn("Länsfaktablad 2020 – Stockholms län", text)
            self.assertIn("Version 2, publicerad 2026-12-01", text)
            self.assertNotIn("Utkast", text)

    def test_word(self):
        document = Document(io.BytesIO(self.docx))
        styles = document.styles.element
        lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        self.assertEqual(lang.find(qn("w:lang")).get(qn("w:val")), "sv-SE")
        normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))
        self.assertEqual(normal.get(qn("w:val")), "sv-SE")
        section = document.sections[0]
        self.assertAlmostEqual(section.page_width.cm, 21, places=1)
        self.assertAlmostEqual(section.page_height.cm, 29.7, places=1)
        header = section.header.paragraphs[0].text
        self.assertIn("Lägesrapport 2020", header)
        self.assertIn(f"Utkast {timezone.localdate().isoformat()}", header)
        footer = section.footer.paragraphs[0]._p.xml
        self.assertIn(" PAGE ", footer)
        self.assertIn(" NUMPAGES ", footer)
        self.assertIn("TOC \\o", document.element.body.xml)
        self.assertGreater(len(document.tables), 10)
        for table in document.tables:
            head = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
            self.assertEqual(head.get(qn("w:val")), "true")
        rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
        self.assertIn(
            [
                "Samordning och projektledning – finansiering av tjänster",
                "2",
                "1",
                "1",
                "2",
                f"1{NBSP}234{NBSP}667",
            ],
            rows,
        )
        total = next(
            row
            for t in document.tables
            for row in t.rows
            if row.cells[-1].text == f"1{NBSP}234{NBSP}707"
        )
        self.assertEqual(total.cells[-1].paragraphs[0].alignment, WD_ALIGN_PARAGRAPH.RIGHT)
        self.assertIsNone(total.cells[0].paragraphs[0].alignment)
        descriptions = [s._inline.docPr.get("descr") for s in document.inline_shapes]
        self.assertEqual(len(descriptions), 7 + 10 + 4)
        self.assertTrue(all(descriptions))
        text = "\n".join(
            [p.text for p in document.paragraphs]
            + ["\t".join(r) for r in rows]
            + [header]
            + descriptions
        )
        self.assertEqual(self.codes(text), set())

    def test_excel(self):
        workbook = load_workbook(io.BytesIO(self.xlsx))
        names = workbook.sheetnames
        self.assertEqual(
            names[:5],
            ["Täckning", "Täckning per län", "Medel", "Utan använda medel", "Del 1 – Region"],
        )
        money = [c.value for c in workbook["Medel"][11]]
        self.assertEqual(
            money,
            ["En nollvision för suicid – suicidprevention", "Län (länsgemensam mottagare)"]
            + [0, 0, 0, 0, 1234667, 1234707, -40, 3],
        )
        self.assertEqual(workbook["Medel"]["I11"].number_format, "#,##0")
        self.assertIn("Del 6 – Län", names)
        self.assertIn("Del 6 – kvalitet", names)
        self.assertEqual(names[-1], "Effekter")
        self.assertEqual(self.codes(" ".join(names)), set())
        sheet = workbook["Del 6 – Län"]
        self.assertEqual(
            sheet["A1"].value,
            "En nollvision för suicid – suicidprevention – Län (länsgemensam mottagare)",
        )
        self.assertEqual(sheet.freeze_panes, "A3")
        self.assertEqual(sheet.auto_filter.ref, "A2:F8")
        row = [c.value for c in sheet[3]]
        self.assertEqual(
            row, ["Samordning och projektledning – finansiering av tjänster", 2, 1, 1, 2, 1234667]
        )
        self.assertEqual(sheet["F3"].number_format, "#,##0")
        self.assertEqual(sheet["F8"].value, 1234707)
        indicators = workbook["Indikatorer"]
        self.assertEqual(indicators.freeze_panes, "A2")
        self.assertEqual(indicators.auto_filter.ref, "A1:D5")
        first = [c.value for c in indicators[2]]
        self.assertEqual(first[1:], [80, 100, 0.8])
        self.assertEqual(indicators["D2"].number_format, "0.0 %")
        self.assertEqual(indicators["B2"].number_format, "#,##0")
        self.assertIsNone(indicators["D3"].value)  # no value: an empty cell, not "–"
        effects = workbook["Effekter"]
        self.assertEqual(effects.freeze_panes, "A2")
        values = [c.value for c in effects[2]]
        self.assertEqual(values[0], "En nollvision för suicid – suicidprevention")
        self.assertEqual(workbook.properties.language, "sv-SE")
        self.assertEqual(workbook.properties.subject, PUBLISHED)

    def test_excel_numbers_are_numbers_with_a_number_format(self):
        workbook = load_workbook(io.BytesIO(self.xlsx))
        self.assertEqual(numbers_stored_as_text(workbook), [])
        general = [
            f"{sheet.title}!{cell.coordinate}"
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.data_type == "n" and cell.value is not None and cell.number_format == "General"
        ]
        self.assertEqual(general, [])
        # A figure that is neither a count nor a share (per 1 000 inhabitants): a decimal.
        sheet = excel._sheet(Workbook(), "Prov", set(), ["Län", "Per 1 000"], [["Uppsala", 3.25]])
        self.assertEqual((sheet["B2"].value, sheet["B2"].number_format), (3.25, "#,##0.0##"))
        self.assertEqual(cell_text(3.25), "3,25")  # Word and PDF: a decimal comma

    def test_plain_data_survives_json(self):
        """A published snapshot holds the data as JSON: the documents come out the same."""
        snapshot = json.loads(json.dumps(self.data, cls=DjangoJSONEncoder))

        def sheets(content):
            workbook = load_workbook(io.BytesIO(content))
            return {s.title: list(s.iter_rows(values_only=True)) for s in workbook.worksheets}

        def paragraphs(content):
            document = Document(io.BytesIO(content))
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            return [p.text for p in document.paragraphs] + cells

        self.assertEqual(sheets(render_document(snapshot, "xlsx", version_2())), sheets(self.xlsx))
        word = paragraphs(render_document(snapshot, "docx"))
        self.assertEqual(word, paragraphs(self.docx))
        self.assertIn(
            "Stockholms län: Fler skolor har utbildats i psykisk första hjälp (målgrupp)", word
        )


class AnswersAndMoneyDocumentsTest(AnswersTestCase):
    """The answers tables per part and the money table, in the PDF, Word and Excel."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        data = analyse_year(cls.agreement)
        cls.pdf = render_document(data, "pdf")
        cls.docx = render_document(data, "docx")
        cls.xlsx = render_document(data, "xlsx")

    def test_excel(self):
        workbook = load_workbook(io.BytesIO(self.xlsx))
        sheet = workbook["Del 6 – svar Län 2"]
        self.assertEqual(sheet["A1"].value, "Län (länsgemensam mottagare): Påverkades arbetet?")
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            rows,
            [
                ("Svarsalternativ", "2020", "Andel av de svarande"),
                ("Nej", 1, 0.5),
                ("Ja, av pandemin", 1, 0.5),
                ("Ja, av annat", 0, 0),
                ("Har svarat", 2, None),
            ],
        )
        self.assertEqual(sheet["C3"].number_format, "0.0 %")
        staff = workbook["Del 6 – svar Län 4"]
        self.assertEqual(staff["A1"].value, "Län (länsgemensam mottagare): Antal anställda")
        self.assertEqual(
            list(staff.iter_rows(min_row=3, values_only=True)), [("Har svarat", 2), ("Summa", 1203)]
        )
        money = workbook["Medel"]
        self.assertEqual(money["A1"].value, "Medel per pott i hela landet")
        suicide = next(
            r
            for r in money.iter_rows(values_only=True)
            if r[0] == "En nollvision för suicid – suicidprevention"
        )
        # Used: 01's 100 kr (03, 04 and 06 stated none; 05 is a draft); no initiatives.
        self.assertEqual(suicide[2:], (0, 0, 0, 0, 100, 0, 100, 4))
        self.assertEqual(money["G3"].number_format, "#,##0")

    def test_word(self):
        document = Document(io.BytesIO(self.docx))
        texts = [p.text for p in document.paragraphs]
        self.assertIn("Svar på enkätfrågorna", texts)
        self.assertIn("Medel", texts)
        rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
        self.assertIn(["Ja, av pandemin", "1", "50,0 %"], rows)
        self.assertIn(["Summa", f"1{NBSP}203"], rows)
        table = next(t for t in document.tables if t.rows[0].cells[0].text == "Del")
        self.assertEqual([c.text for c in table.rows[0].cells][2:4], ["Fördelat", "Rekvirerat"])
        last = table.rows[-1].cells
        self.assertEqual(last[0].text, "Totalt")
        self.assertEqual(last[6].paragraphs[0].alignment, WD_ALIGN_PARAGRAPH.RIGHT)

    def test_pdf(self):
        reader = PdfReader(io.BytesIO(self.pdf))
        text = "\n".join(page.extract_text() for page in reader.pages)
        for expected in (
            "Svar på enkätfrågorna",
            "Påverkades arbetet?",
            "Andel av de svarande",
            "Ja, av pandemin 1 50,0 %",
            f"Summa 1{NBSP}203",
            "Medel per pott i hela landet",
            "Använt utan insats",
        ):
            self.assertIn(expected, text)
