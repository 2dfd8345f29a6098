import io

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from .helpers import PageTestCase


def docx_tables(content):
    document = Document(io.BytesIO(content))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables], document


class DownloadReportTest(PageTestCase):
    def url(self, fmt):
        return reverse("analysis:download_report", args=[2020, fmt])

    def test_it_checks_ownership(self):
        for fmt in ("docx", "xlsx"):
            self.assertAccess(self.url(fmt), [self.cora, self.anna], [self.alice, None])
        self.publish()
        self.assertAccess(self.url("xlsx"), [self.alice, None], [])

    def test_word(self):
        from ..models import StatusReport

        StatusReport.objects.create(agreement=self.agreement, summary="Fler län mäter effekter.")
        self.login(self.anna)
        response = self.download(self.url("docx"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("lagesrapport-2020.docx", response["Content-Disposition"])
        tables, document = docx_tables(response.getvalue())
        rows = [row for t in tables for row in t]
        self.assertIn(
            ["Samordning och projektledning – finansiering av tjänster", "1", "1", "1", "1", "100"],
            rows,
        )
        self.assertIn(["Kunskaps- och kompetenshöjande insatser", "1", "1", "0", "1", "40"], rows)
        self.assertIn(["Län (länsgemensam mottagare)", "2", "21"], [r[:3] for r in rows])
        text = "\n".join(p.text for p in document.paragraphs)
        self.assertIn("En nollvision för suicid – suicidprevention", text)
        self.assertIn("Fler skolor har utbildats", text)
        self.assertIn("Fler län mäter effekter.", text)
        self.assertTrue(document.inline_shapes)  # charts and flowcharts as pictures

    def test_pdf(self):
        self.login(self.anna)
        response = self.download(self.url("pdf"))
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = PdfReader(io.BytesIO(response.getvalue()))
        text = "\n".join(page.extract_text() for page in reader.pages)
        self.assertIn("Lägesrapport 2020", text)
        self.assertIn("Samordning och projektledning", text)
        self.assertIn("Totalt (unika aktörer)", text)
        self.assertIn("80,0 %", text)

    def test_excel(self):
        self.login(self.anna)
        workbook = load_workbook(io.BytesIO(self.download(self.url("xlsx")).getvalue()))
        self.assertIn("Täckning", workbook.sheetnames)
        sheet = workbook["Del 6 – Län"]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[2], ("Samordning och projektledning – finansiering av tjänster", 1, 1, 1, 1, 100)
        )
        self.assertIn("Indikatorer", workbook.sheetnames)
        self.assertIn("Kvalitetsflaggor", workbook.sheetnames)
        effects = list(workbook["Effekter"].iter_rows(values_only=True))
        self.assertIn(
            (
                "En nollvision för suicid – suicidprevention",
                "Län (länsgemensam mottagare)",
                "Samordning och projektledning – finansiering av tjänster",
                "Stockholms län",
                "Samordnare för suicidprevention",
                "Fler skolor har utbildats i psykisk första hjälp",
                "Ja",
                "Nej",
            ),
            effects,
        )

    def test_version_label(self):
        """A draft: "Utkast" and today's date on every page; a published version: its number
        and the date of publication."""
        from django.utils import timezone

        from .. import snapshot

        self.login(self.anna)
        reader = PdfReader(io.BytesIO(self.download(self.url("pdf")).getvalue()))
        draft = f"Utkast {timezone.localdate().isoformat()}"
        self.assertTrue(all(draft in page.extract_text() for page in reader.pages))
        snapshot.publish(self.agreement)
        version = snapshot.publish(self.agreement, note="Rättad")
        label = f"Version 2, publicerad {timezone.localdate(version.published_at).isoformat()}"
        document = Document(io.BytesIO(self.download(self.url("docx")).getvalue()))
        header = document.sections[0].header.paragraphs[0].text
        self.assertEqual(header, f"Lägesrapport 2020\t{label}")
        reader = PdfReader(io.BytesIO(self.download(self.url("pdf")).getvalue()))
        for page in reader.pages:
            self.assertIn(label, page.extract_text())
            self.assertNotIn("Utkast", page.extract_text())
        self.assertIn(f"{label}. Rättad", reader.pages[0].extract_text())

    def test_unknown_format(self):
        self.login(self.anna)
        self.assertEqual(self.client.get(self.url("odt")).status_code, 404)
