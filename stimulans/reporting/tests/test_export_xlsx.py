import io

from django.urls import reverse
from openpyxl import load_workbook

from stimulans.test import numbers_stored_as_text

from .export_data import ExportTestCase


class ExportXlsxTest(ExportTestCase):
    def url(self, pot=None):
        return reverse("reporting:export_xlsx", args=[(pot or self.pot).pk])

    def download(self, user, pot=None):
        self.login(user)
        response = self.client.get(self.url(pot))
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response["Content-Type"])
        self.assertIn(
            "redovisningar-2020-god-vard-municipality.xlsx"
            if pot is None
            else "redovisningar-2020-barn-unga-region.xlsx",
            response["Content-Disposition"],
        )
        return load_workbook(io.BytesIO(response.content))

    def org_codes(self, sheet):
        rows = list(sheet.iter_rows(values_only=True))
        column = rows[0].index("org_code")
        return [r[column] for r in rows[1:]]

    def test_it_has_a_sheet_of_answers_and_one_of_initiatives(self):
        wb = self.download(self.anna)
        self.assertEqual(wb.sheetnames, ["Svar", "Insatser"])
        answers = list(wb["Svar"].iter_rows(values_only=True))
        header = answers[0]
        for column in ["org_kind", "org_code", "organisation", "status", "pandemic"]:
            self.assertIn(column, header)
        first = dict(zip(header, answers[1], strict=True))
        self.assertEqual(first["org_code"], "0127")
        self.assertEqual(first["status"], "draft")
        self.assertEqual(first["support_needed"], "guidance data")
        self.assertEqual(first["funds_received_sek"], 1000)
        initiatives = list(wb["Insatser"].iter_rows(values_only=True))
        row = dict(zip(initiatives[0], initiatives[1], strict=True))
        self.assertEqual(row["initiative"], "I-0127")
        self.assertEqual(row["category"], "patientsakerhet")
        self.assertEqual(row["funds_sek"], 250)

    def test_text_is_never_stored_as_a_formula(self):
        wb = self.download(self.adam)
        sheet = wb["Insatser"]
        column = [c.value for c in sheet[1]].index("effects")
        cell = sheet.cell(row=2, column=column + 1)
        self.assertEqual(cell.data_type, "s")
        self.assertEqual(cell.value, '=HYPERLINK("http://example.com")')

    def test_a_pot_with_measures_has_a_measures_sheet(self):
        wb = self.download(self.adam, self.region_pot)
        self.assertEqual(wb.sheetnames, ["Svar", "Insatser", "Mått"])
        rows = list(wb["Mått"].iter_rows(values_only=True))
        self.assertEqual(rows[1][:5], (2020, "region", "01", "bup.treatment.children", 12))

    def test_it_checks_ownership(self):
        # Analysts and national administrators: every report.
        for user in (self.anna, self.adam):
            wb = self.download(user)
            self.assertEqual(self.org_codes(wb["Svar"]), ["0127", "0180", "0380"])
            self.assertEqual(self.org_codes(wb["Insatser"]), ["0127", "0180", "0380"])
        # A county coordinator: only the reports of the county.
        wb = self.download(self.cora)
        self.assertEqual(self.org_codes(wb["Svar"]), ["0127", "0180"])
        self.assertEqual(self.org_codes(wb["Insatser"]), ["0127", "0180"])
        wb = self.download(self.otto)
        self.assertEqual(self.org_codes(wb["Svar"]), ["0380"])
        # Reporters, even of their own organisation: refused.
        # Anonymous: the login page.
        reporters = [self.alice, self.bob, self.charlie, self.regina]
        self.assertAccess(self.url(), refused=reporters, refused_status=403)
        # An id that does not exist.
        self.login(self.adam)
        self.assertEqual(
            self.client.get(reverse("reporting:export_xlsx", args=[99999])).status_code, 404
        )

    def test_numbers_are_numbers_with_a_number_format(self):
        wb = self.download(self.anna)
        self.assertEqual(numbers_stored_as_text(wb), [])
        answers = wb["Svar"]
        header = [c.value for c in answers[1]]
        received = answers.cell(row=2, column=header.index("funds_received_sek") + 1)
        self.assertEqual((received.value, received.data_type), (1000, "n"))
        self.assertEqual(received.number_format, "#,##0")  # 1 000 in Swedish Excel
        self.assertEqual(answers["A2"].value, 2020)
        self.assertEqual(answers["A2"].number_format, "0")  # a year: 2020, not 2 020
        initiatives = wb["Insatser"]
        header = [c.value for c in initiatives[1]]
        funds = initiatives.cell(row=2, column=header.index("funds_sek") + 1)
        self.assertEqual((funds.value, funds.number_format), (250, "#,##0"))

    def test_answers_to_number_questions_are_numbers(self):
        from stimulans.reporting.models import Report
        from stimulans.reporting.questionnaires.loader import install_questionnaire

        from .test_questionnaire_upload import shipped

        install_questionnaire(self.region_pot, shipped("barn-unga--region.xlsx"), "q.xlsx")
        report = Report.objects.get(pot=self.region_pot)
        report.answers = {"youth_clinics_count": "1200", "support_description": "12"}
        report.save()
        wb = self.download(self.adam, self.region_pot)
        sheet = wb["Svar"]
        header = [c.value for c in sheet[1]]
        count = sheet.cell(row=2, column=header.index("youth_clinics_count") + 1)
        self.assertEqual((count.value, count.data_type, count.number_format), (1200, "n", "#,##0"))
        # A text question's answer stays text, whatever it looks like.
        text = sheet.cell(row=2, column=header.index("support_description") + 1)
        self.assertEqual((text.value, text.data_type), ("12", "s"))
