import uuid

from django.urls import reverse

from stimulans.test import BaseTestCase

from ..models import Job, JobKind, JobStatus
from ..runner import Progress


class JobPageTest(BaseTestCase):
    def setUp(self):
        self.job = Job.objects.create(
            kind=JobKind.DOCUMENT, title="Dokument: lagesrapport-2020.pdf", started_by=self.anna
        )
        self.url = reverse("jobs:job", args=[self.job.pk])

    def test_it_checks_ownership(self):
        # Only the one who started the job, and national administrators.
        self.assertAccess(
            self.url,
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.bob, self.regina, self.cora, self.otto],
        )

    def test_it_handles_bad_uuid(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/jobb/inte-ett-id/").status_code, 404)
        missing = reverse("jobs:job", args=[uuid.uuid4()])
        self.assertEqual(self.client.get(missing).status_code, 404)

    def test_a_running_job_polls_its_progress(self):
        self.job.status = JobStatus.RUNNING
        self.job.save()
        Progress(self.job)(2, 5, "Skapar dokumentet")
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, 'hx-trigger="every 1s"')
        self.assertContains(response, reverse("jobs:progress", args=[self.job.pk]))
        self.assertContains(response, '<progress max="5" value="2"')
        self.assertContains(response, "2 av 5")
        self.assertContains(response, "Pågår</strong>: Skapar dokumentet")

    def test_a_finished_job_shows_its_result_and_stops_polling(self):
        self.job.status = JobStatus.DONE
        self.job.message = "Dokumentet är klart (12 kB)."
        self.job.result_url = "/analys/2020/lagesrapport.pdf"
        self.job.result_label = "Ladda ned lagesrapport-2020.pdf"
        self.job.save()
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertNotContains(response, "hx-trigger")
        self.assertContains(response, "Dokumentet är klart (12 kB).")
        self.assertContains(
            response, '<a href="/analys/2020/lagesrapport.pdf">Ladda ned lagesrapport-2020.pdf</a>'
        )

    def test_a_failed_job_shows_its_error(self):
        self.job.status = JobStatus.FAILED
        self.job.error = "Inget importerades:\nrad 3: okänd organisation"
        self.job.save()
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, 'role="alert"')
        self.assertContains(response, "Inget importerades:<br>rad 3: okänd organisation")
        self.assertNotContains(response, "<progress")
