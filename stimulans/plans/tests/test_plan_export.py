from io import BytesIO

import yaml
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from stimulans.plans.yaml_format import Loader

from .base import PlanTestCase


class PlanExportTest(PlanTestCase):
    def url(self, plan, fmt):
        return reverse("plans:plan_export", args=[plan.pk, fmt])

    def test_it_checks_ownership(self):
        for fmt in ("yaml", "docx", "pdf"):
            self.assertAccess(
                self.url(self.draft, fmt),
                allowed=[self.cora, self.alice, self.anna],
                refused=[self.otto, self.charlie],
            )
            self.assertAccess(self.url(self.published, fmt), allowed=[self.otto])

    def test_yaml_export(self):
        self.login(self.cora)
        response = self.client.get(self.url(self.published, "yaml"))
        self.assertIn("handlingsplan-01-2021-v4.yaml", response["Content-Disposition"])
        data = yaml.load(response.content.decode(), Loader=Loader)
        self.assertEqual(data["plan"]["version"], 4)
        self.assertEqual(len(data["plan"]["areas"]), 3)

    def test_word_export(self):
        self.login(self.cora)
        response = self.client.get(self.url(self.published, "docx"))
        self.assertIn(".docx", response["Content-Disposition"])
        doc = Document(BytesIO(response.content))
        text = "\n".join(p.text for p in doc.paragraphs)
        self.assertIn("Stockholms län – 2021, version 4", text)
        self.assertIn("Skolan som arena", text)
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        self.assertTrue(any("Fortsatt satsning på att främja skolnärvaro" in c for c in cells))
        published = timezone.localtime(self.published.published_at).date().isoformat()
        header = doc.sections[0].header.paragraphs[0].text
        self.assertIn(f"Version 4, publicerad {published}", header)
        lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
        self.assertEqual(lang.get(qn("w:val")), "sv-SE")
        self.assertIn(" PAGE ", doc.sections[0].footer.paragraphs[0]._p.xml)
        for table in doc.tables:
            self.assertIsNotNone(table.rows[0]._tr.trPr.find(qn("w:tblHeader")))

    def test_pdf_export(self):
        self.login(self.cora)
        response = self.client.get(self.url(self.draft, "pdf"))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("handlingsplan-01-2021-v5.pdf", response["Content-Disposition"])
        reader = PdfReader(BytesIO(response.content))
        root = reader.trailer["/Root"]
        self.assertEqual(root["/Lang"], "sv-SE")
        self.assertIn("/StructTreeRoot", root)
        draft = f"Utkast {timezone.localdate().isoformat()}"
        for page in reader.pages:
            self.assertAlmostEqual(float(page.mediabox.width) / 72 * 25.4, 210, places=0)
            self.assertIn(draft, page.extract_text())
        text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
        self.assertIn("Skolan som arena", text)
        self.assertIn("Fortsatt satsning på att främja skolnärvaro", text)
        self.assertNotIn("ändra", text)  # the page's edit links are not printed

    def test_unknown_format(self):
        self.login(self.cora)
        self.assertEqual(self.client.get(self.url(self.published, "odt")).status_code, 404)
