"""The analysts' texts of the status report, edited on the report's pages."""

import io

from django.urls import reverse

from .. import snapshot
from ..models import ReportText
from ..texts import save_text
from .helpers import PageTestCase


class ReportTextTest(PageTestCase):
    intro = reverse("analysis:edit_year_text", args=[2020, "inledning"])
    part = reverse("analysis:edit_part_text", args=[2020, "suicidprevention"])

    def test_it_checks_ownership(self):
        for url in (self.intro, self.part):
            refused = [self.alice, self.regina, self.cora, self.otto]
            self.assertAccess(url, [self.anna, self.adam], refused)
            data = {"body": "Försök", "version": "0", "action": "save"}
            self.assertAccess(url, [], refused, method="post", data=data)
        self.assertFalse(ReportText.objects.exists())
        self.assertAccess(
            self.intro,
            [self.anna],
            [],
            method="post",
            data={"body": "Av analytikern", "version": "0"},
        )
        self.assertEqual(ReportText.objects.get().body, "Av analytikern")
        missing = reverse("analysis:edit_year_text", args=[2020, "okand"])
        self.assertAccess(missing, [], [self.anna], refused_status=404)

    def test_edit_with_preview_and_history(self):
        self.login(self.anna)
        form = self.client.get(self.intro)
        self.assertContains(form, '<input type="hidden" name="version" value="0"', html=False)
        body = "Första stycket\nfortsätter här.\n\nAndra stycket."
        preview = self.client.post(self.intro, {"body": body, "version": "0", "action": "preview"})
        self.assertContains(preview, "Förhandsgranskning")
        self.assertContains(preview, "<p>Första stycket fortsätter här.</p>", html=True)
        self.assertContains(preview, "<p>Andra stycket.</p>", html=True)
        self.assertFalse(ReportText.objects.exists())
        saved = self.client.post(self.intro, {"body": body, "version": "0", "action": "save"})
        self.assertRedirects(saved, reverse("analysis:year_report", args=[2020]))
        self.login(self.adam)
        self.client.post(self.intro, {"body": "Omskriven.", "version": "1", "action": "save"})
        text = ReportText.objects.get()
        self.assertEqual((text.body, text.version, text.updated_by), ("Omskriven.", 2, self.adam))
        history = list(text.history.order_by("history_id").values_list("body", "history_user"))
        self.assertEqual(history, [(body, self.anna.pk), ("Omskriven.", self.adam.pk)])
        page = self.client.get(self.intro)
        self.assertContains(page, "Historik")
        self.assertContains(page, "Andra stycket.")
        report = self.client.get(reverse("analysis:year_report", args=[2020]))
        self.assertContains(report, "<h2>Inledning</h2><p>Omskriven.</p>", html=False)

    def test_an_edit_of_an_older_text_is_refused(self):
        save_text(self.agreement, "part_summary", self.suicide, "Annas text.", 0, self.anna)
        self.login(self.adam)
        response = self.client.post(
            self.part, {"body": "Adams text från en gammal sida.", "version": "0"}
        )
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "Texten har sparats av", status_code=409)
        self.assertContains(response, "<p>Annas text.</p>", html=True, status_code=409)
        self.assertContains(response, "Adams text från en gammal sida.", status_code=409)
        self.assertContains(
            response, '<input type="hidden" name="version" value="1"', status_code=409
        )
        self.assertEqual(ReportText.objects.get().body, "Annas text.")
        # Saving the conflict page's form replaces the text on purpose.
        self.client.post(self.part, {"body": "Adams text.", "version": "1"})
        self.assertEqual(ReportText.objects.get().body, "Adams text.")

    def test_bad_input_changes_nothing(self):
        self.login(self.anna)
        response = self.client.post(self.intro, {"body": "x", "version": "ett"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Sidan är för gammal", status_code=400)
        self.assertFalse(ReportText.objects.exists())

    def test_the_public_reads_the_published_texts_in_page_and_documents(self):
        save_text(self.agreement, "introduction", None, "Publicerad inledning.", 0, self.anna)
        save_text(self.agreement, "method", None, "Så här gjorde vi.", 0, self.anna)
        save_text(self.agreement, "part_summary", self.suicide, "Iakttagelse ett.", 0, self.anna)
        snapshot.publish(self.agreement, self.anna)
        save_text(self.agreement, "introduction", None, "Ny inledning.", 1, self.anna)
        year = reverse("analysis:year_report", args=[2020])
        public = self.client.get(year)
        for text in ("Publicerad inledning.", "Så här gjorde vi.", "Iakttagelse ett."):
            self.assertContains(public, text)
        self.assertNotContains(public, "Ny inledning.")
        self.assertNotContains(public, "Redigera")
        part = self.client.get(reverse("analysis:part_analysis", args=[2020, "suicidprevention"]))
        self.assertContains(part, "Sammanfattande iakttagelser")
        self.assertContains(part, "Iakttagelse ett.")
        from docx import Document

        docx = self.client.get(reverse("analysis:download_report", args=[2020, "docx"]))
        paragraphs = [p.text for p in Document(io.BytesIO(docx.getvalue())).paragraphs]
        for text in ("Inledning", "Publicerad inledning.", "Metod", "Iakttagelse ett."):
            self.assertIn(text, paragraphs)
        self.assertIn("Sammanfattande iakttagelser", paragraphs)
        self.assertNotIn("Ny inledning.", paragraphs)
        pdf = self.client.get(reverse("analysis:download_report", args=[2020, "pdf"])).getvalue()
        self.assertTrue(pdf.startswith(b"%PDF"))
        from pypdf import PdfReader

        printed = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        for text in ("Inledning", "Publicerad inledning.", "Metod", "Så här gjorde vi."):
            self.assertIn(text, printed)
        self.assertIn("Sammanfattande iakttagelser", printed)
        self.assertIn("Iakttagelse ett.", printed)
        self.assertNotIn("Ny inledning.", printed)
        self.login(self.anna)
        draft = self.client.get(year + "?utkast=1")
        self.assertContains(draft, "Ny inledning.")
        self.assertContains(draft, "Redigera inledningen")
