import csv
import io

from django.urls import reverse

from stimulans.reporting.imports import import_initiatives
from stimulans.reporting.models import Initiative

from .export_data import ExportTestCase


class ExportCsvTest(ExportTestCase):
    def url(self, sheet, pot=None):
        return reverse("reporting:export_csv", args=[(pot or self.pot).pk, sheet])

    def download(self, user, sheet, pot=None):
        self.login(user)
        response = self.client.get(self.url(sheet, pot))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/csv"))
        self.assertIn(f"-{sheet}.csv", response["Content-Disposition"])
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        return response.content

    def rows(self, content):
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))

    def test_answers_have_one_row_per_report_with_organisation_codes(self):
        rows = self.rows(self.download(self.anna, "answers"))
        self.assertEqual([r["org_code"] for r in rows], ["0127", "0180", "0380"])
        self.assertEqual(rows[1]["organisation"], "Stockholms kommun")
        self.assertEqual(rows[1]["status"], "submitted")
        self.assertEqual(rows[1]["pandemic"], "yes")

    def test_initiatives_escape_formulas_and_can_be_imported_again(self):
        content = self.download(self.adam, "initiatives")
        rows = self.rows(content)
        self.assertEqual(rows[0]["effects"], '\'=HYPERLINK("http://example.com")')
        # The export is in the import format: the same file changes nothing on import…
        for report in self.reports.values():
            report.imported = True
            report.save()
        result = import_initiatives(content)
        self.assertFalse(result.changed)
        # …and restores deleted initiatives exactly.
        Initiative.objects.filter(identifier="I-0180").delete()
        import_initiatives(content)
        Initiative.objects.filter(identifier="I-0127").update(title="Ändrad")
        import_initiatives(content)
        self.assertEqual(Initiative.objects.get(identifier="I-0127").title, "Rubrik 0127")
        restored = Initiative.objects.get(identifier="I-0180")
        self.assertEqual(restored.title, "Rubrik 0180")
        self.assertEqual(restored.effects, '=HYPERLINK("http://example.com")')
        self.assertEqual(restored.category.slug, "patientsakerhet")

    def test_measures_only_for_pots_that_collect_them(self):
        rows = self.rows(self.download(self.adam, "measures", self.region_pot))
        self.assertEqual(rows[0]["measure"], "bup.treatment.children")
        self.assertEqual(rows[0]["value"], "12")
        self.login(self.adam)
        self.assertEqual(self.client.get(self.url("measures")).status_code, 404)
        self.assertEqual(self.client.get(self.url("nonsense")).status_code, 404)

    def test_it_checks_ownership(self):
        for sheet in ("answers", "initiatives"):
            for user in (self.anna, self.adam):
                codes = [r["org_code"] for r in self.rows(self.download(user, sheet))]
                self.assertEqual(codes, ["0127", "0180", "0380"])
            codes = [r["org_code"] for r in self.rows(self.download(self.cora, sheet))]
            self.assertEqual(codes, ["0127", "0180"])
            codes = [r["org_code"] for r in self.rows(self.download(self.otto, sheet))]
            self.assertEqual(codes, ["0380"])
            reporters = [self.alice, self.bob, self.charlie, self.regina]
            self.assertAccess(self.url(sheet), refused=reporters, refused_status=403)
        # Region Stockholm's measures: Uppsala's coordinator gets none of them.
        self.assertEqual(self.rows(self.download(self.otto, "measures", self.region_pot)), [])
        self.assertEqual(len(self.rows(self.download(self.cora, "measures", self.region_pot))), 1)
