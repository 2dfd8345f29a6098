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

    def test_a_wrong_file_type_is_refused_but_the_draft_is_saved(self):
        self.login(self.alice)
        response = self.upload("virus.exe", b"MZ", funds_used_sek="123")
        self.assertFalse(ReportAttachment.objects.exists())
        self.assertContains(self.client.get(response["Location"]), "har fel typ")
        self.report.refresh_from_db()
        self.assertEqual(self.report.funds_used_sek, 123)

    def test_it_checks_ownership(self):
        self.login(self.alice)
        self.upload()
        attachment = ReportAttachment.objects.get()
        url = reverse("reporting:attachment", args=[self.report.pk, attachment.pk])
        for user in (self.alice, self.cora, self.anna, self.adam):
            self.login(user)
            self.assertEqual(self.client.get(url).status_code, 200, user)
        for user in (self.bob, self.charlie, self.otto):
            self.login(user)
            self.assertRefused(self.client.get(url))
            self.assertRefused(self.upload("annan.pdf"))
        other = make_report(self.botkyrka, self.mobila_municipality, self.bob)
        self.login(self.bob)
        guessed = reverse("reporting:attachment", args=[other.pk, attachment.pk])
        self.assertEqual(self.client.get(guessed).status_code, 404)
        self.client.logout()
        self.assertRefused(self.client.get(url))
        self.assertEqual(ReportAttachment.objects.count(), 1)
