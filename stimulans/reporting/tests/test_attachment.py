import shutil
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from stimulans.reporting.models import ReportAttachment

from .base import ReportingTestCase, make_report
from .test_workflow import form_post

MEDIA = tempfile.mkdtemp(prefix="stimulans-test-media-")


@override_settings(MEDIA_ROOT=MEDIA)
class AttachmentTest(ReportingTestCase):
    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA, ignore_errors=True)

    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.edit = reverse("reporting:edit", args=[self.report.pk])

    def upload(self, name="handlingsplan.pdf", content=b"%PDF-1.4 demo", **data):
        post = form_post(data, self.report.version)
        post["attachment"] = SimpleUploadedFile(name, content)
        return self.client.post(self.edit, post)

    def test_a_file_is_attached_with_the_draft_and_can_be_removed(self):
        self.login(self.alice)
        self.upload(attachments="Se bilaga")
        attachment = ReportAttachment.objects.get()
        self.assertEqual(attachment.name, "handlingsplan.pdf")
        self.report.refresh_from_db()
        self.assertEqual(self.report.answers["attachments"], "Se bilaga")
        url = reverse("reporting:attachment", args=[self.report.pk, attachment.pk])
        self.assertEqual(b"".join(self.client.get(url).streaming_content), b"%PDF-1.4 demo")
        post = form_post({}, self.report.version, f"remove_attachment:{attachment.pk}")
        self.client.post(self.edit, post)
        self.assertFalse(ReportAttachment.objects.exists())

    def test_a_wrong_file_type_refuses_the_whole_post_and_keeps_the_typed_answers(self):
        self.login(self.alice)
        version = self.report.version
        response = self.upload("virus.exe", b"MZ", funds_used_sek="123")
        self.assertContains(response, "har fel typ", status_code=400)
        self.assertContains(response, "Ingenting är sparat", status_code=400)
        self.assertContains(response, 'value="123"', status_code=400)
        self.assertContains(response, f'id="report-version" value="{version}"', status_code=400)
        self.assertFalse(ReportAttachment.objects.exists())
        self.report.refresh_from_db()
        self.assertEqual((self.report.funds_used_sek, self.report.version), (900000, version))

    def test_a_file_picked_with_skicka_in_is_stored_before_the_submission(self):
        from stimulans.reporting.tests.base import complete_answers

        self.login(self.alice)
        data = complete_answers(self.mobila_municipality)
        data["initiatives"][0]["identifier"] = self.report.initiatives.get().identifier
        post = form_post(data, self.report.version, "submit")
        post["attachment"] = SimpleUploadedFile("handlingsplan.pdf", b"%PDF-1.4 demo")
        response = self.client.post(self.edit, post)
        confirm = reverse("reporting:submit", args=[self.report.pk])
        self.assertRedirects(response, confirm)
        self.assertEqual(ReportAttachment.objects.get().name, "handlingsplan.pdf")
        page = self.client.get(confirm)
        self.assertContains(page, "<dt>Bifogade filer</dt><dd>1</dd>", html=False)
        self.report.refresh_from_db()
        response = self.client.post(confirm, {"version": self.report.version})
        self.assertRedirects(response, reverse("reporting:detail", args=[self.report.pk]))
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, "submitted")
        self.assertEqual(self.report.attachments.get().name, "handlingsplan.pdf")

    def test_a_refused_file_with_skicka_in_submits_nothing(self):
        self.login(self.alice)
        post = form_post({"funds_used_sek": "5"}, self.report.version, "submit")
        post["attachment"] = SimpleUploadedFile("virus.exe", b"MZ")
        response = self.client.post(self.edit, post)
        self.assertContains(response, "har fel typ", status_code=400)
        self.report.refresh_from_db()
        self.assertEqual((self.report.status, self.report.funds_used_sek), ("draft", 900000))

    def test_a_bad_attachment_id_is_refused_with_a_message(self):
        self.login(self.alice)
        self.upload()
        self.report.refresh_from_db()
        version, used = self.report.version, self.report.funds_used_sek
        for bad in ("abc", "", "1.5", "²"):
            post = form_post({"funds_used_sek": "7"}, version, f"remove_attachment:{bad}")
            response = self.client.post(self.edit, post)
            self.assertContains(response, "Bilagan som skulle tas bort finns inte", status_code=400)
        self.assertEqual(ReportAttachment.objects.count(), 1)
        self.report.refresh_from_db()
        self.assertEqual((self.report.version, self.report.funds_used_sek), (version, used))

    def test_it_checks_ownership(self):
        self.login(self.alice)
        self.upload()
        attachment = ReportAttachment.objects.get()
        url = reverse("reporting:attachment", args=[self.report.pk, attachment.pk])
        others = [self.bob, self.charlie, self.otto]
        allowed = [self.alice, self.cora, self.anna, self.adam]
        self.assertAccess(url, allowed=allowed, refused=others, ok=200)
        post = form_post({}, self.report.version)
        post["attachment"] = SimpleUploadedFile("annan.pdf", b"%PDF-1.4 demo")
        self.assertAccess(self.edit, refused=others, method="post", data=post)
        other = make_report(self.botkyrka, self.mobila_municipality, self.bob)
        self.login(self.bob)
        guessed = reverse("reporting:attachment", args=[other.pk, attachment.pk])
        self.assertEqual(self.client.get(guessed).status_code, 404)
        self.assertEqual(ReportAttachment.objects.count(), 1)
