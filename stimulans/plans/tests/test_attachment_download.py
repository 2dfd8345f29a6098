import shutil
import tempfile

from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse

from stimulans.plans.models import NeedsAttachment, NeedsSection
from stimulans.plans.services import publish, start_new_version

from .base import PlanTestCase

MEDIA = tempfile.mkdtemp(prefix="stimulans-plans-")


@override_settings(MEDIA_ROOT=MEDIA)
class AttachmentDownloadTest(PlanTestCase):
    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA, ignore_errors=True)

    def setUp(self):
        section = NeedsSection.objects.create(plan=self.draft, title="Nuläge")
        self.attachment = NeedsAttachment(section=section, name="Analys")
        self.attachment.file.save("analys.pdf", ContentFile(b"%PDF-1.4 analys"), save=False)
        self.attachment.save()

    def url(self, plan, attachment):
        return reverse("plans:attachment_download", args=[plan.pk, attachment.pk])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url(self.draft, self.attachment),
            allowed=[self.cora, self.alice, self.anna],
            refused=[self.otto, self.charlie],
        )

    def test_a_copy_shares_the_file_and_published_ones_are_readable_by_all(self):
        publish(self.draft, self.cora)
        copy = start_new_version(self.reload(self.draft))
        copied = NeedsAttachment.objects.get(section__plan=copy)
        self.assertEqual(copied.file.name, self.attachment.file.name)
        self.login(self.otto)
        response = self.client.get(self.url(self.draft, self.attachment))
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 analys")
        # Not through another plan.
        self.assertEqual(
            self.client.get(self.url(self.published, self.attachment)).status_code, 404
        )
