import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from stimulans.reporting.models import Questionnaire
from stimulans.reporting.questionnaires.loader import QUESTIONNAIRE_DIR

from .base import ReportingTestCase


def shipped(name="suicidprevention--county.xlsx"):
    return (QUESTIONNAIRE_DIR / "2020" / name).read_bytes()


class QuestionnaireUploadTest(ReportingTestCase):
    def setUp(self):
        self.url = reverse("reporting:questionnaire_upload", args=[2020, self.suicide_county.pk])

    def upload(self, content, name="enkat.xlsx"):
        return self.client.post(self.url, {"file": SimpleUploadedFile(name, content)})

    def test_a_new_version_is_stored(self):
        wb = openpyxl.load_workbook(io.BytesIO(shipped()))
        wb["survey"].append(["text", "new_question", "En ny fråga"])
        out = io.BytesIO()
        wb.save(out)
        self.login(self.adam)
        response = self.upload(out.getvalue(), "suicid-2021.xlsx")
        self.assertRedirects(response, reverse("reporting:questionnaires", args=[2020]))
        q = Questionnaire.objects.get(pot=self.suicide_county)
        self.assertEqual(q.xlsform_name, "suicid-2021.xlsx")
        self.assertEqual(q.uploaded_by, self.adam)
        self.assertIn("new_question", str(q.definition))

    def test_a_form_with_errors_is_refused_with_the_errors_listed(self):
        wb = openpyxl.load_workbook(io.BytesIO(shipped()))
        wb["survey"].append(["text", "broken", "Trasig", "", "", "", "", "${nonexistent} = 1"])
        out = io.BytesIO()
        wb.save(out)
        self.login(self.adam)
        response = self.upload(out.getvalue())
        self.assertContains(response, "nonexistent", status_code=400)
        wrong_pot = reverse("reporting:questionnaire_upload", args=[2020, self.youth_region.pk])
        response = self.client.post(wrong_pot, {"file": SimpleUploadedFile("x.xlsx", shipped())})
        self.assertContains(response, "finns inte i pottens lista", status_code=400)
        response = self.upload(b"hello", "enkat.txt")
        self.assertContains(response, "har fel typ", status_code=400)
        self.assertEqual(
            Questionnaire.objects.get(pot=self.suicide_county).xlsform_name,
            "suicidprevention--county.xlsx",
        )

    def test_pyxforms_english_message_is_shown_in_swedish(self):
        wb = openpyxl.load_workbook(io.BytesIO(shipped()))
        wb["survey"].append(["integr", "antal", "Antal"])
        out = io.BytesIO()
        wb.save(out)
        self.login(self.adam)
        response = self.upload(out.getvalue())
        self.assertContains(response, escape("Okänd frågetyp ”integr”"), status_code=400)
        self.assertNotContains(response, "Unknown question type", status_code=400)

    def test_a_group_or_repeat_expression_it_cannot_evaluate_is_refused_with_its_cell(self):
        # Accepted before, and then every report of the pot answered 500.
        wb = openpyxl.load_workbook(io.BytesIO(shipped()))
        ws = wb["survey"]
        headers = [c.value for c in ws[1]]
        assert ws.cell(row=12, column=2).value == "participation"  # begin_group
        assert ws.cell(row=30, column=2).value == "initiatives"  # begin_repeat
        pulldata = "pulldata('f', 'c', 'k', ${disruption})"
        ws.cell(row=12, column=headers.index("relevant") + 1, value=pulldata)
        ws.cell(row=30, column=headers.index("relevant") + 1, value="random() > 0")
        ws.cell(row=3, column=headers.index("constraint") + 1, value="uuid() = .")
        out = io.BytesIO()
        wb.save(out)
        self.login(self.adam)
        response = self.upload(out.getvalue())
        self.assertEqual(response.status_code, 400)
        for message in [
            "Bladet ”survey”, rad 12, frågan ”participation”, kolumn H (”relevant”): uttrycket "
            "”pulldata('f', 'c', 'k', ${disruption})” kan inte tolkas: funktionen ”pulldata” "
            "hämtar data från en bifogad fil, vilket inte stöds",
            "Bladet ”survey”, rad 30, frågan ”initiatives”, kolumn H (”relevant”): uttrycket "
            "”random() > 0”",
            "Bladet ”survey”, rad 3, frågan ”funds_received_sek”, kolumn F (”constraint”): "
            "uttrycket ”uuid() = .”",
        ]:
            self.assertContains(response, escape(message), status_code=400)
        self.assertEqual(
            Questionnaire.objects.get(pot=self.suicide_county).xlsform_name,
            "suicidprevention--county.xlsx",
        )

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            refused=[self.alice, self.cora, self.anna],
            method="post",
            data={"file": SimpleUploadedFile("enkat.xlsx", shipped())},
        )
        self.assertIsNone(Questionnaire.objects.get(pot=self.suicide_county).uploaded_by)


class QuestionnaireUploadDiffTest(ReportingTestCase):
    """A later year's upload shows what changed against last year's form before it is saved."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from stimulans.reporting.agreement_copy import copy_agreement

        cls.copy = copy_agreement(2020, 2021)
        cls.pot = cls.copy.pots[cls.suicide_county.pk]
        cls.url = reverse("reporting:questionnaire_upload", args=[2021, cls.pot.pk])

    def changed_form(self):
        wb = openpyxl.load_workbook(io.BytesIO(shipped()))
        ws = wb["survey"]
        headers = [c.value for c in ws[1]]
        label = next(h for h in headers if str(h).startswith("label"))
        for row in ws.iter_rows(min_row=2):
            cells = dict(zip(headers, row, strict=False))
            if str(cells["type"].value or "").startswith("select_one"):
                self.relabelled = cells["name"].value
                cells[label].value = "Helt ny frågetext"
                break
        ws.append(["integer", "new_count", "Antal nya team"])
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    def test_it_shows_the_diff_and_saves_only_when_confirmed(self):
        before = bytes(Questionnaire.objects.get(pot=self.pot).xlsform)
        self.login(self.adam)
        page = self.client.post(
            self.url, {"file": SimpleUploadedFile("suicid-2021.xlsx", self.changed_form())}
        )
        self.assertContains(page, "Ändringar mot föregående års enkät")
        self.assertContains(page, "Nya frågor")
        self.assertContains(page, "Antal nya team")
        self.assertContains(page, "Ändrade frågor")
        self.assertContains(page, self.relabelled)
        self.assertContains(page, "Frågetexten ändrad från")
        self.assertEqual(bytes(Questionnaire.objects.get(pot=self.pot).xlsform), before)
        content = page.context["content"]
        self.assertContains(page, f'name="crosswalk:{self.relabelled}"')
        response = self.client.post(
            self.url,
            {
                "content": content,
                "filename": "suicid-2021.xlsx",
                "confirmed": "1",
                f"crosswalk:{self.relabelled}": self.relabelled,
                "crosswalk:new_count": "",
                "crosswalk:no_such_question": "x",
            },
        )
        self.assertRedirects(response, reverse("reporting:questionnaires", args=[2021]))
        q = Questionnaire.objects.get(pot=self.pot)
        self.assertEqual(q.xlsform_name, "suicid-2021.xlsx")
        self.assertIn("new_count", str(q.definition))
        self.assertEqual(q.crosswalk, {self.relabelled: self.relabelled, "new_count": ""})

    def test_a_tampered_file_posted_back_is_checked_again(self):
        import base64

        self.login(self.adam)
        response = self.client.post(
            self.url,
            {
                "content": base64.b64encode(b"not a workbook").decode(),
                "filename": "x.xlsx",
                "confirmed": "1",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            Questionnaire.objects.get(pot=self.pot).xlsform_name.endswith(".xlsx"), True
        )
        self.assertNotEqual(Questionnaire.objects.get(pot=self.pot).xlsform_name, "x.xlsx")

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.adam],
            refused=[self.alice, self.cora, self.anna],
            method="post",
            data={"file": SimpleUploadedFile("x.xlsx", shipped())},
            refused_status=403,
        )
