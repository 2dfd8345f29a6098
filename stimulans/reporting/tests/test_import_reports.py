import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from stimulans.funds.services import load_agreement_2020
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

    def test_it_imports_initiatives_and_measures(self):
        self.login(self.adam)
        response = self.post("initiatives", INITIATIVES)
        self.assertRedirects(response, URL)
        self.assertEqual(Initiative.objects.get().report.organisation, self.stockholm)
        self.assertEqual(Initiative.history.get().history_user, self.adam)
        response = self.post("measures", MEASURES, "matt.csv", follow=True)
        self.assertRedirects(response, URL)
        self.assertEqual(MeasureValue.objects.get().value, 12)
        self.assertContains(response, "1 redovisningar (1 nya)")

    def test_it_imports_xlsx(self):
        wb = Workbook()
        wb.active.append(["year", "org_kind", "org_code", "measure", "value"])
        wb.active.append([2020, "region", "01", "bup.treatment.children", 12])
        buf = io.BytesIO()
        wb.save(buf)
        self.login(self.adam)
        self.assertRedirects(self.post("measures", buf.getvalue(), "matt.xlsx"), URL)
        self.assertEqual(MeasureValue.objects.get().value, 12)
        response = self.post("measures", b"PK\x03\x04trasig", "matt.xlsx")
        self.assertContains(response, "inte en giltig", status_code=400)

    def test_it_lists_every_bad_row_and_imports_nothing(self):
        self.login(self.adam)
        bad = (
            INITIATIVES
            + b"2020,x,municipality,0180,S2,,,,,,,,,,\n2020,god-vard,region,77,S3,,,,,,,,,,\n"
        )
        response = self.post("initiatives", bad)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Inget importerades", status_code=400)
        self.assertContains(response, "Rad 3: okänd del ”x”", status_code=400)
        self.assertContains(response, "Rad 4: okänd organisation region ”77”", status_code=400)
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
