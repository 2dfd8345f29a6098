import io
import tempfile
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from .. import snapshot
from ..models import StoredDocument
from .helpers import AnalysisTestCase


class StatusReportCommandTest(AnalysisTestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())

    def write(self, fmt, year="2020", **options):
        out = self.dir / f"rapport.{fmt}"
        call_command("status_report", year=year, format=fmt, output=str(out), **options)
        return out.read_bytes()

    def test_published(self):
        with self.assertRaises(CommandError) as raised:
            self.write("pdf", published=True)
        self.assertEqual(raised.exception.returncode, 2)
        self.assertEqual(str(raised.exception), "Lägesrapporten 2020 är inte publicerad.")
        version = snapshot.publish(self.agreement, note="Första")
        for fmt in snapshot.FORMATS:
            first = self.write(fmt, published=True)
            self.assertEqual(self.write(fmt, published=True), first)  # stored, not made again
        stored = StoredDocument.objects.values_list("version", flat=True)
        self.assertEqual(sorted(stored), [version.pk] * 3)
        reader = PdfReader(io.BytesIO(self.write("pdf", published=True)))
        date = timezone.localdate(version.published_at).isoformat()
        self.assertIn(f"Version 1, publicerad {date}", reader.pages[3].extract_text())
        # Without --published: the figures as they are, a draft.
        draft = PdfReader(io.BytesIO(self.write("pdf")))
        self.assertIn("Utkast", draft.pages[3].extract_text())
        snapshot.unpublish(self.agreement)
        with self.assertRaises(CommandError):
            self.write("xlsx", published=True)

    def test_pdf(self):
        reader = PdfReader(io.BytesIO(self.write("pdf")))
        self.assertEqual(reader.trailer["/Root"]["/Lang"], "sv-SE")
        draft = f"Utkast {timezone.localdate().isoformat()}"
        for page in reader.pages:
            self.assertIn(draft, page.extract_text())

    def test_word_and_excel(self):
        document = Document(io.BytesIO(self.write("docx")))
        self.assertIn("Lägesrapport 2020", document.sections[0].header.paragraphs[0].text)
        workbook = load_workbook(io.BytesIO(self.write("xlsx")))
        self.assertEqual(workbook.sheetnames[0], "Täckning")

    def test_errors(self):
        with self.assertRaises(CommandError) as raised:
            self.write("pdf", year="1999")
        self.assertEqual(raised.exception.returncode, 2)
        self.assertIn("Det finns ingen överenskommelse för år 1999", str(raised.exception))
        with self.assertRaises(CommandError) as raised:
            call_command(
                "status_report", year="2020", format="docx", output=str(self.dir / "no" / "x")
            )
        self.assertEqual(raised.exception.returncode, 2)
        self.assertIn("kan inte skrivas", str(raised.exception))
        with self.assertRaises(CommandError):
            self.write("odt")
        self.assertEqual(list(self.dir.iterdir()), [])
