"""Documents made once per version: stored after the first download, served from then on,
a draft's until the year's data changes."""

from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import FileResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from stimulans.jobs.models import Job, JobKind

from .. import snapshot, stored_documents
from ..data_version import _statement, data_version
from ..models import StoredDocument
from .helpers import PageTestCase, county_org, make_initiative, make_report, previous_year_pot


class StoredDocumentsTest(PageTestCase):
    def report_url(self, fmt="xlsx"):
        return reverse("analysis:download_report", args=[2020, fmt])

    def county_url(self, fmt="xlsx", county="01"):
        return reverse("analysis:download_county", args=[2020, county, fmt])

    def test_a_published_fact_sheet_is_rendered_once(self):
        snapshot.publish(self.agreement)
        self.login(self.anna)
        first = self.download(self.county_url()).getvalue()
        self.assertEqual(Job.objects.count(), 1)
        stored = StoredDocument.objects.get()
        self.assertIsNotNone(stored.version)
        again = self.client.get(self.county_url())
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.getvalue(), first)
        self.assertEqual(Job.objects.count(), 1)  # no second rendering
        self.assertEqual(StoredDocument.objects.get().created_at, stored.created_at)
        # New data does not change a published version's document.
        make_report(county_org("04"), self.suicide_pot)
        self.assertEqual(self.client.get(self.county_url()).getvalue(), first)
        self.assertEqual(Job.objects.count(), 1)

    def test_a_published_report_is_made_once_from_the_version(self):
        version = snapshot.publish(self.agreement)
        self.assertEqual(bytes(version.pdf), b"")  # publishing renders no document
        self.login(self.alice)
        first = self.download(self.report_url("pdf")).getvalue()
        self.assertTrue(first.startswith(b"%PDF"))
        self.assertEqual(StoredDocument.objects.get().version, version)
        make_report(county_org("04"), self.suicide_pot)
        again = self.client.get(self.report_url("pdf"))
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.getvalue(), first)
        self.assertEqual(Job.objects.count(), 1)  # no second rendering

    def test_a_version_published_with_its_documents_serves_them(self):
        version = snapshot.publish(self.agreement)
        version.pdf = b"%PDF-1.7 rendered at publication"
        version.save()
        self.login(self.alice)
        response = self.client.get(self.report_url("pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.getvalue(), b"%PDF-1.7 rendered at publication")
        self.assertFalse(Job.objects.exists())

    def test_a_visitor_gets_a_published_fact_sheet_at_once(self):
        snapshot.publish(self.agreement)
        response = self.client.get(self.county_url())
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Job.objects.exists())
        self.assertEqual(StoredDocument.objects.count(), 1)
        self.assertEqual(self.client.get(self.county_url()).getvalue(), response.getvalue())

    def test_a_draft_is_kept_until_a_new_submission(self):
        self.login(self.anna)
        first = self.download(self.report_url()).getvalue()
        self.assertEqual(Job.objects.count(), 1)
        self.assertEqual(self.client.get(self.report_url()).getvalue(), first)
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
        self.assertNotEqual(self.download(self.report_url()).getvalue(), first)
        self.assertEqual(StoredDocument.objects.count(), 1)  # the new draft replaced the old

    def test_publishing_makes_the_visitors_report_at_once(self):
        # 2019 unpublished: an analyst's report shows it beside 2020, a visitor's does not, so
        # the jobs must make the visitors' documents, not the analyst's.
        previous_year_pot()
        self.login(self.anna)
        publish = reverse("analysis:publish", args=[2020])
        self.client.post(publish, {"published": "1", "confirmed": "1"})
        jobs = Job.objects.filter(started_by=self.anna, kind=JobKind.DOCUMENT)
        self.assertEqual(sorted(j.params["fmt"] for j in jobs), ["docx", "pdf", "xlsx"])
        self.assertEqual({j.status for j in jobs}, {"done"})
        self.assertEqual(StoredDocument.objects.count(), 3)
        self.client.logout()
        for fmt in ("docx", "pdf", "xlsx"):
            response = self.client.get(self.report_url(fmt))
            self.assertIsInstance(response, FileResponse)
            self.assertTrue(response.getvalue())
        # The visitors' downloads are the documents the jobs made: none made in the request.
        self.assertEqual(StoredDocument.objects.count(), 3)

    def test_a_stored_draft_reads_the_data_version_once(self):
        self.login(self.anna)
        first = self.download(self.report_url()).getvalue()
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(self.report_url()).getvalue(), first)
        statement = _statement().replace("%(year)s", "2020")[:200]
        reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(statement)]
        self.assertEqual(len(reads), 1)  # the ETag's key and the file's are the same

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
        pdf = self.download(self.report_url("pdf")).getvalue()
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)
        self.assertIn("Flödesschema per kategori", text)
        self.assertIn("Anställt en samordnare (1 aktör)", text)
        docx = Document(BytesIO(self.download(self.county_url("docx")).getvalue()))
        cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
        self.assertIn("Anställt en samordnare (1 aktör)", cells)

    def path_of(self, document):
        return Path(settings.MEDIA_ROOT) / document.file.name

    def test_a_published_document_is_served_from_its_file(self):
        version = snapshot.publish(self.agreement)
        self.login(self.alice)
        first = self.download(self.report_url("pdf")).getvalue()
        stored = StoredDocument.objects.get()
        self.assertEqual(bytes(stored.content), b"")  # the bytes are in the file only
        self.assertTrue(stored.file.name.startswith("documents/2020/"))
        self.assertEqual(self.path_of(stored).read_bytes(), first)
        response = self.client.get(self.report_url("pdf"))
        self.assertIsInstance(response, FileResponse)
        self.assertEqual(response.getvalue(), first)
        self.assertEqual(Job.objects.count(), 1)  # no second rendering
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["Content-Length"], str(len(first)))
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="lagesrapport-2020.pdf"'
        )
        self.assertEqual(response["ETag"], f'"{stored.key}"')
        cache = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertLessEqual({"private", "no-store"}, cache)  # a logged-in user's answer
        self.assertEqual(StoredDocument.objects.get().version, version)
        # What is served is the file, read at each download.
        self.path_of(stored).write_bytes(b"%PDF-1.7 the file")
        self.assertEqual(self.client.get(self.report_url("pdf")).getvalue(), b"%PDF-1.7 the file")

    def test_a_visitor_may_keep_a_published_document_an_hour(self):
        snapshot.publish(self.agreement)
        response = self.client.get(self.county_url("pdf"))
        self.assertIsInstance(response, FileResponse)
        cache = {part.strip() for part in response["Cache-Control"].split(",")}
        self.assertEqual(cache, {"public", "max-age=3600"})
        # A shared cache (docs/nginx.conf) keeps no answer that sets a cookie.
        self.assertEqual(dict(response.cookies), {})
        again = self.client.get(self.county_url("pdf"), HTTP_IF_NONE_MATCH=response["ETag"])
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again["ETag"], response["ETag"])

    def test_a_missing_file_is_made_again(self):
        snapshot.publish(self.agreement)
        self.login(self.alice)
        first = self.download(self.report_url("pdf")).getvalue()
        self.path_of(StoredDocument.objects.get()).unlink()
        response = self.client.get(self.report_url("pdf"))
        self.assertEqual(response.status_code, 302)  # to the job that makes it again
        self.assertEqual(Job.objects.count(), 2)
        again = self.download(self.report_url("pdf"))
        self.assertIsInstance(again, FileResponse)
        self.assertEqual(len(again.getvalue()), len(first))
        self.assertTrue(self.path_of(StoredDocument.objects.get()).exists())
        # A visitor gets it made at once.
        self.path_of(StoredDocument.objects.get()).unlink()
        self.logout()
        response = self.client.get(self.report_url("pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.getvalue().startswith(b"%PDF"))
        self.assertEqual(StoredDocument.objects.count(), 1)

    def test_a_document_stored_before_the_files_is_read_from_its_row(self):
        version = snapshot.publish(self.agreement)
        self.login(self.alice)
        src = stored_documents.source(self.alice, self.agreement, None, "pdf", draft=False)
        StoredDocument.objects.create(
            agreement=self.agreement,
            version=version,
            slot=src.slot,
            key=src.key(),
            content=b"%PDF-1.7 stored in the database",
        )
        response = self.client.get(self.report_url("pdf"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.getvalue(), b"%PDF-1.7 stored in the database")
        self.assertEqual(response["Content-Length"], "31")
        self.assertFalse(Job.objects.exists())

    def test_a_new_draft_removes_the_older_drafts_file(self):
        self.login(self.anna)
        self.download(self.report_url())
        old = self.path_of(StoredDocument.objects.get())
        report = make_report(county_org("04"), self.suicide_pot)
        make_initiative(report, self.cat["kunskap-kompetens"], funds_sek=7)
        self.download(self.report_url())
        self.assertFalse(old.exists())
        self.assertTrue(self.path_of(StoredDocument.objects.get()).exists())
        cache = self.client.get(self.report_url())["Cache-Control"]
        self.assertIn("no-cache", {part.strip() for part in cache.split(",")})

    def test_a_file_that_cannot_be_written_is_a_swedish_error_of_the_job(self):
        blocked = Path(settings.MEDIA_ROOT) / "not-a-folder"
        blocked.parent.mkdir(parents=True, exist_ok=True)
        blocked.write_bytes(b"")
        self.login(self.anna)
        with self.settings(MEDIA_ROOT=blocked):
            response = self.client.get(self.report_url())
        self.assertEqual(response.status_code, 302)
        job = Job.objects.get()
        self.assertEqual(job.status, "failed")
        self.assertIn("Dokumentet kunde inte sparas som fil", job.error)
        page = self.client.get(response["Location"])
        self.assertContains(page, "Dokumentet kunde inte sparas som fil")
        self.assertFalse(StoredDocument.objects.exists())
