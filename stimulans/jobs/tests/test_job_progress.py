import uuid

from django.urls import reverse

from stimulans.test import BaseTestCase

from ..models import Job, JobKind, JobStatus
from ..runner import Progress


class JobProgressTest(BaseTestCase):
    def setUp(self):
        self.job = Job.objects.create(
            kind=JobKind.ALLOCATION,
            title="Fördelningar",
            started_by=self.adam,
            status=JobStatus.RUNNING,
        )
        self.url = reverse("jobs:progress", args=[self.job.pk])

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.adam],
            refused=[self.alice, self.bob, self.regina, self.cora, self.otto, self.anna],
        )

    def test_it_handles_bad_uuid(self):
        self.login(self.adam)
        self.assertEqual(
            self.client.get(reverse("jobs:progress", args=[uuid.uuid4()])).status_code, 404
        )

    def test_it_is_the_partial_with_the_live_progress(self):
        Progress(self.job)(7, 12)
        self.login(self.adam)
        response = self.client.get(self.url)
        self.assertNotContains(response, "<html")
        self.assertContains(response, '<progress max="12" value="7"')
        self.assertContains(response, "7 av 12")
