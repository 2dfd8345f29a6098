"""Documents made once per version: stored after the first download, served from then on,
a draft's until the year's data changes."""

from io import BytesIO

from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from stimulans.jobs.models import Job

from .. import snapshot
from ..data_version import data_version
from ..models import StoredDocument
from .helpers import PageTestCase, county_org, make_initiative, make_report


class StoredDocumentsTest(PageTestCase):
    def report_url(self, fmt="xlsx"):
        return reverse("analysis:download_report", args=[2020, fmt])

    def county_url(self, fmt="xlsx", county="01"):
        return reverse("analysis:download_county", args=[2020, county, fmt])

    def test_a_published_fact_sheet_is_rendered_once(self):
        snapshot.publish(self.agreement)
        self.login(self.anna)
        first = self.download(self.county_url())
        self.assertEqual(Job.objects.count(), 1)
        stored = StoredDocument.objects.get()
        self.assertIsNotNone(stored.version)
        again = self.client.get(self.county_url())
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.content, first.content)
        self.assertEqual(Job.objects.count(), 1)  # no second rendering
        self.assertEqual(StoredDocument.objects.get().created_at, stored.created_at)
        # New data does not change a published version's document.
        make_report(county_org("04"), self.suicide_pot)
        self.assertEqual(self.client.get(self.county_url()).content, first.content)
        self.assertEqual(Job.objects.count(), 1)

    def test_a_published_report_is_made_once_from_the_version(self):
        version = snapshot.publish(self.agreement)
        self.assertEqual(bytes(version.pdf), b"")  # publishing renders no document
        self.login(self.alice)
        first = self.download(self.report_url("pdf"))
        self.assertTrue(first.content.startswith(b"%PDF"))
        self.assertEqual(StoredDocument.objects.get().version, version)
        make_report(county_org("04"), self.suicide_pot)
        again = self.client.get(self.report_url("pdf"))
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.content, first.content)
        self.assertEqual(Job.objects.count(), 1)  # no second rendering

    def test_a_version_published_with_its_documents_serves_them(self):
        version = snapshot.publish(self.agreement)
        version.pdf = b"%PDF-1.7 rendered at publication"
        version.save()
        self.login(self.alice)
        response = self.client.get(self.report_url("pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.7 rendered at publication")
        self.assertFalse(Job.objects.exists())

    def test_a_visitor_gets_a_published_fact_sheet_at_once(self):
        snapshot.publish(self.agreement)
        response = self.client.get(self.county_url())
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Job.objects.exists())
        self.assertEqual(StoredDocument.objects.count(), 1)
        self.assertEqual(self.client.get(self.county_url()).content, response.content)

    def test_a_draft_is_kept_until_a_new_submission(self):
        self.login(self.anna)
        first = self.download(self.report_url())
        self.assertEqual(Job.objects.count(), 1)
        self.assertEqual(self.client.get(self.report_url()).content, first.content)
        self.assertEqual(Job.objects.count(), 1)
        before = data_version(2020)
        report = make_report(county_org("04"), self.suicide_pot, status="draft")
        make_initiative(report, self.cat["kunskap-kompetens"], funds_sek=7)
        report.status = "submitted"
        report.save()
        self.assertNotEqual(data_version(2020), before)
        response = self.client.get(self.report_url())
        self.assertEqual(response.status_code, 302)  # made again, by a new job
        self.assertEqual(Job.objects.count(), 2)
        self.assertNotEqual(self.download(self.report_url()).content, first.content)
        self.assertEqual(StoredDocument.objects.count(), 1)  # the new draft replaced the old

    def test_each_reader_scope_has_its_own_draft(self):
        self.login(self.anna)
        self.download(self.report_url())
        self.login(self.cora)
        response = self.client.get(self.report_url())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(StoredDocument.objects.count(), 2)
        self.assertEqual(Job.objects.get(started_by=self.cora).status, "done")

    def test_a_draft_holds_the_category_flowcharts_as_the_command_does(self):
        self.login(self.anna)
        pdf = self.download(self.report_url("pdf")).content
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)
        self.assertIn("Flödesschema per kategori", text)
        self.assertIn("Anställt en samordnare (1 aktör)", text)
        docx = Document(BytesIO(self.download(self.county_url("docx")).content))
        cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
        self.assertIn("Anställt en samordnare (1 aktör)", cells)
