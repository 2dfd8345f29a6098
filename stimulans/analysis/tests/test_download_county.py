import io

from django.urls import reverse
from pypdf import PdfReader

from .helpers import PageTestCase
from .test_download_report import docx_tables


class DownloadCountyTest(PageTestCase):
    def url(self, fmt, county="01"):
        return reverse("analysis:download_county", args=[2020, county, fmt])

    def test_it_checks_ownership(self):
        self.assertAccess(self.url("xlsx"), [self.cora, self.anna], [self.otto, self.alice, None])
        self.publish()
        self.assertAccess(self.url("xlsx"), [self.otto, None], [])

    def test_word_and_pdf(self):
        self.login(self.cora)
        tables, document = docx_tables(self.download(self.url("docx")).getvalue())
        rows = [row for t in tables for row in t]
        self.assertIn(
            ["Samordning och projektledning – finansiering av tjänster", "1", "1", "1", "1", "100"],
            rows,
        )
        self.assertIn(["Kunskaps- och kompetenshöjande insatser", "0", "0", "0", "0", "0"], rows)
        self.assertIn("Stockholms län", document.paragraphs[0].text)
        reader = PdfReader(io.BytesIO(self.download(self.url("pdf")).getvalue()))
        text = "\n".join(page.extract_text() for page in reader.pages)
        self.assertIn("Stockholms län", text)
        self.assertIn("Samordning och projektledning", text)
