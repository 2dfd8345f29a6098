import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from stimulans.funds.services import load_agreement_2020
from stimulans.jobs.models import Job, JobStatus
from stimulans.reporting.imports import INITIATIVE_COLUMNS
from stimulans.reporting.models import Initiative, MeasureValue, Report
from stimulans.test import BaseTestCase

URL = reverse("reporting:import")
INITIATIVES = (
    ",".join(INITIATIVE_COLUMNS)
    + "\n2020,god-vard,municipality,0180,S1,patientsakerhet,Rutiner,,,,,,500000,,\n"
).encode()
MEASURES = b"year,org_kind,org_code,measure,value\n2020,region,01,bup.treatment.children,12\n"


def upload(content, name="fil.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


class ImportReportsPageTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def post(self, kind, content, name="fil.csv", follow=False):
        return self.client.post(URL, {"kind": kind, "file": upload(content, name)}, follow=follow)

    def test_it_shows_the_formats(self):
        self.login(self.adam)
        response = self.client.get(URL)
        self.assertContains(response, ",".join(INITIATIVE_COLUMNS))
        self.assertContains(response, "year,org_kind,org_code,measure,value")

    def assertJobPage(self, response):
        """The upload leads to its job's page (the tests run tasks at once)."""
        job = Job.objects.latest("created_at")
        self.assertRedirects(response, reverse("jobs:job", args=[job.pk]))
        self.assertEqual(job.started_by, self.adam)
        self.assertFalse(job.input_file)  # the uploaded file is not kept
        return job

    def test_it_imports_initiatives_and_measures(self):
        self.login(self.adam)
        response = self.post("initiatives", INITIATIVES)
        self.assertEqual(self.assertJobPage(response).status, JobStatus.DONE)
        self.assertEqual(Initiative.objects.get().report.organisation, self.stockholm)
        self.assertEqual(Initiative.history.get().history_user, self.adam)
        response = self.post("measures", MEASURES, "matt.csv", follow=True)
        job = self.assertJobPage(response)
        self.assertEqual(job.title, "Import av matt.csv")
        self.assertEqual(MeasureValue.objects.get().value, 12)
        self.assertContains(response, "1 redovisningar (1 nya)")
        self.assertContains(response, f'<a href="{URL}">Importera en fil till</a>')

    def test_it_imports_xlsx(self):
        wb = Workbook()
        wb.active.append(["year", "org_kind", "org_code", "measure", "value"])
        wb.active.append([2020, "region", "01", "bup.treatment.children", 12])
        buf = io.BytesIO()
        wb.save(buf)
        self.login(self.adam)
        self.assertJobPage(self.post("measures", buf.getvalue(), "matt.xlsx"))
        self.assertEqual(MeasureValue.objects.get().value, 12)
        response = self.post("measures", b"PK\x03\x04trasig", "matt.xlsx")
        self.assertContains(response, "inte en giltig", status_code=400)

    def test_it_lists_every_bad_row_and_imports_nothing(self):
        self.login(self.adam)
        bad = (
            INITIATIVES
            + b"2020,x,municipality,0180,S2,,,,,,,,,,\n2020,god-vard,region,77,S3,,,,,,,,,,\n"
        )
        response = self.post("initiatives", bad, follow=True)
        self.assertEqual(self.assertJobPage(response).status, JobStatus.FAILED)
        self.assertContains(response, 'role="alert"')
        self.assertContains(response, "Inget importerades:<br>")
        self.assertContains(response, "Rad 3: okänd del ”x”")
        self.assertContains(response, "Rad 4: okänd organisation region ”77”")
        self.assertEqual(Report.objects.count(), 0)

    def test_it_checks_type_and_size(self):
        self.login(self.adam)
        response = self.post("initiatives", INITIATIVES, "fil.exe")
        self.assertContains(response, "har fel typ", status_code=400)
        with override_settings(MAX_UPLOAD_BYTES=10):
            response = self.post("initiatives", INITIATIVES)
        self.assertContains(response, "för stor", status_code=400)
        self.assertEqual(Report.objects.count(), 0)

    def test_it_checks_ownership(self):
        # Only national administrators may import; everybody else is refused, GET and POST.
        refused = [
            self.alice,
            self.bob,
            self.charlie,
            self.regina,
            self.cora,
            self.otto,
            self.anna,
        ]
        self.assertAccess(URL, refused=refused, refused_status=403)
        data = {"kind": "initiatives", "file": upload(INITIATIVES, "fil.csv")}
        self.assertAccess(URL, refused=refused, refused_status=403, method="post", data=data)
        self.assertEqual(Report.objects.count(), 0)
        self.assertAccess(URL, allowed=[self.adam], ok=200)
