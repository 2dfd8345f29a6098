from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ..models import StatisticValue
from .helpers import AnalysisTestCase

CSV = b"series,org_kind,org_code,year,value\nvisits,region,01,2020,30\nvisits,region,03,2020,7\n"


def upload(content, name="s.csv", source="csv"):
    return {"file": SimpleUploadedFile(name, content), "source": source}


class StatisticsPageTest(AnalysisTestCase):
    url = reverse("analysis:statistics")

    def test_it_checks_ownership(self):
        refused = [self.alice, self.cora, self.anna]
        self.assertAccess(self.url, [self.adam], refused)
        self.assertAccess(self.url, [self.adam], refused, method="post", data=upload(CSV))
        # Only the national administrator's upload was imported.
        self.assertEqual(StatisticValue.objects.count(), 2)

    def test_it_imports_and_lists_the_series(self):
        self.login(self.adam)
        response = self.client.post(self.url, upload(CSV))
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        response = self.client.get(self.url)
        self.assertContains(response, "2 statistikvärden importerade.")
        self.assertContains(response, '<th scope="row">visits</th><td class="num">2</td>')

    def test_bad_rows_are_listed_and_nothing_saved(self):
        self.login(self.adam)
        response = self.client.post(self.url, upload(CSV + b"visits,region,99,2020,x\n"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Rad 4", status_code=400)
        self.assertEqual(StatisticValue.objects.count(), 0)

    def test_a_file_of_the_wrong_kind_is_refused(self):
        self.login(self.adam)
        response = self.client.post(self.url, upload(b"x", name="s.exe"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(StatisticValue.objects.count(), 0)
