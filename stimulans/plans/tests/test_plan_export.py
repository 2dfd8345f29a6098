from io import BytesIO

import yaml
from django.urls import reverse
from docx import Document

from stimulans.plans.yaml_format import Loader

from .base import PlanTestCase


class PlanExportTest(PlanTestCase):
    def url(self, plan, fmt):
        return reverse("plans:plan_export", args=[plan.pk, fmt])

    def test_it_checks_ownership(self):
        for fmt in ("yaml", "docx"):
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

    def test_unknown_format(self):
        self.login(self.cora)
        self.assertEqual(self.client.get(self.url(self.published, "pdf")).status_code, 404)
