"""`stimulans form-check FORM [--answers ANSWERS.json] --format json`: the JSON contract, the
exit status, and agreement with the questionnaire upload (one code path)."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils.html import escape

from stimulans.reporting import services
from stimulans.reporting.models import Questionnaire

from .base import ReportingTestCase
from .test_questionnaire_upload import shipped
from .xlsforms import FEATURES_ANSWERS, features_form, q, xlsform_bytes

REFUSED_FORM = [q("text", "namn", "Namn"), q("image", "logga", "Logotyp")]
REFUSED_MESSAGE = (
    "Bladet ”survey”, rad 3, frågan ”logga”: typen ”image” (bild) kan inte användas: en "
    "redovisning handlar om organisationer, och bilder, ljud, video, streckkoder och filer kan "
    "röra enskilda personer. Bifoga dokument till redovisningen i stället."
)


def run(tmp_path, content, name="enkat.xlsx", answers=None, fmt="json"):
    """(exit status, stdout) of `stimulans form-check`."""
    form = tmp_path / name
    form.write_bytes(content)
    args = [str(form), "--format", fmt]
    if answers is not None:
        answers_file = tmp_path / "svar.json"
        answers_file.write_text(
            answers if isinstance(answers, str) else json.dumps(answers), encoding="utf-8"
        )
        args += ["--answers", str(answers_file)]
    out = StringIO()
    try:
        call_command("form_check", *args, stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue()
    return 0, out.getvalue()


def test_a_valid_form_lists_its_fields(tmp_path):
    status, out = run(tmp_path, features_form())
    assert status == 0
    result = json.loads(out)
    assert list(result) == ["valid", "errors", "fields"]
    assert result["valid"] is True
    assert result["errors"] == []
    assert result["fields"][:5] == ["lan", "kommun", "stod", "stod_other", "ålder"]
    assert "radantal" in result["fields"]
    assert "dubbelt" not in result["fields"] and "start" not in result["fields"]


def test_answers_are_checked_as_a_submission_would_be(tmp_path):
    answers = {
        **FEATURES_ANSWERS,
        "lan": "03",
        "kommun": "0180",  # a Stockholm municipality under Uppsala county
        "stod": "ja",  # stod_other is then not shown
        "rader": [{"radnamn": "A", "radantal": "1 200"}, {"radnamn": "", "radantal": "1"}],
    }
    status, out = run(tmp_path, features_form(), answers=answers)
    assert status == 0  # the form is valid whatever the answers
    result = json.loads(out)
    assert list(result) == ["valid", "errors", "fields", "answers"]
    assert result["answers"] == {
        "irrelevant": ["stod_other"],
        "errors": {
            "kommun": "”Kommun”: välj ett av alternativen",
            "rader[2].radnamn": "Rader, rad 2, ”Namn”: svar saknas",
        },
    }


def test_good_answers_give_no_errors(tmp_path):
    status, out = run(tmp_path, features_form(), answers=FEATURES_ANSWERS)
    assert status == 0
    assert json.loads(out)["answers"] == {"irrelevant": [], "errors": {}}


def test_a_refused_form_exits_with_2_and_names_sheet_row_and_question(tmp_path):
    status, out = run(tmp_path, xlsform_bytes(REFUSED_FORM), answers={"namn": "x"})
    assert status == 2
    assert json.loads(out) == {
        "valid": False,
        "errors": [REFUSED_MESSAGE],
        "fields": [],
        "answers": {"irrelevant": [], "errors": {}},
    }


def test_a_file_the_upload_would_refuse_is_refused(tmp_path):
    status, out = run(tmp_path, b"| survey |\n", name="enkat.md")
    assert status == 2
    assert json.loads(out)["errors"] == ["Filen ”enkat.md” har fel typ; tillåtna är .xlsx, .xls."]
    status, out = run(tmp_path, b"not a zip", name="enkat.xlsx")
    assert status == 2
    assert json.loads(out)["errors"] == ["Filen ”enkat.xlsx” är inte en giltig Office-fil."]


@pytest.mark.parametrize("answers", ["{not json", "[1, 2]"])
def test_an_unreadable_answers_file_exits_with_2(tmp_path, answers):
    form = tmp_path / "enkat.xlsx"
    form.write_bytes(features_form())
    bad = tmp_path / "svar.json"
    bad.write_text(answers, encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("form_check", str(form), "--answers", str(bad), stdout=StringIO())
    assert exc.value.returncode == 2
    assert "Svarsfilen" in str(exc.value)


def test_the_text_format_speaks_swedish(tmp_path):
    status, out = run(
        tmp_path, features_form(), answers={**FEATURES_ANSWERS, "betyg": "9"}, fmt="text"
    )
    assert status == 0
    assert out.splitlines() == [
        "Formuläret godtas (18 frågor).",
        "betyg: ”Betyg”: ange ett tal från 1 till 5",
    ]
    status, out = run(tmp_path, xlsform_bytes(REFUSED_FORM), fmt="text")
    assert (status, out.strip()) == (2, REFUSED_MESSAGE)


def test_the_shipped_2020_forms_pass(tmp_path):
    status, out = run(tmp_path, shipped(), name="suicidprevention--county.xlsx")
    assert status == 0
    assert "initiatives" not in json.loads(out)["fields"]  # a repeat, not a question
    assert "funds_used_sek" in json.loads(out)["fields"]


class UploadAgreesWithFormCheckTest(ReportingTestCase):
    def upload(self, content, name="enkat.xlsx", pot=None):
        pot = pot or self.suicide_county
        url = reverse("reporting:questionnaire_upload", args=[2020, pot.pk])
        return self.client.post(url, {"file": SimpleUploadedFile(name, content)})

    def test_the_upload_refuses_with_form_checks_message(self):
        self.login(self.adam)
        response = self.upload(xlsform_bytes(REFUSED_FORM))
        self.assertContains(response, escape(REFUSED_MESSAGE), status_code=400)
        self.assertEqual(
            Questionnaire.objects.get(pot=self.suicide_county).xlsform_name,
            "suicidprevention--county.xlsx",
        )

    def test_the_features_form_is_uploaded_and_the_report_form_uses_it(self):
        self.login(self.adam)
        response = self.upload(features_form(), "odk.xlsx", pot=self.mobila_municipality)
        self.assertRedirects(response, reverse("reporting:questionnaires", args=[2020]))
        report, _created = services.get_or_create_report(
            self.stockholm, self.mobila_municipality, self.alice
        )
        services.save_draft(report, {"lan": "03", "stod": "ja"}, self.alice, report.version)
        self.login(self.alice)
        response = self.client.get(reverse("reporting:edit", args=[report.pk]))
        self.assertContains(response, 'type="time"')
        self.assertContains(response, 'type="datetime-local"')
        self.assertContains(response, 'value="0380"')
        self.assertNotContains(response, 'value="0180"')  # filtered out under Uppsala county
        self.assertContains(response, "Annat")
        self.assertContains(response, 'id="f-stod_other-wrap" hidden')

    def test_rows_of_a_repeat_other_than_initiatives_are_saved_and_shown(self):
        self.login(self.adam)
        self.upload(features_form(), "odk.xlsx", pot=self.mobila_municipality)
        report, _created = services.get_or_create_report(
            self.stockholm, self.mobila_municipality, self.alice
        )
        services.save_draft(report, FEATURES_ANSWERS, self.alice, report.version)
        report.refresh_from_db()
        self.assertEqual(report.answers["rader"], FEATURES_ANSWERS["rader"])
        self.assertEqual(services.validate_report(report), [])
        self.login(self.alice)
        response = self.client.get(reverse("reporting:edit", args=[report.pk]))
        self.assertContains(response, "Rad 2")
        self.assertContains(response, "Lägg till rad")
        self.assertContains(response, 'name="r-rader-1-radantal" value="4"')
        self.assertContains(response, "Antalet är 1200.")

    def test_the_report_form_posts_the_new_types(self):
        self.login(self.adam)
        self.upload(features_form(), "odk.xlsx", pot=self.mobila_municipality)
        report, _created = services.get_or_create_report(
            self.stockholm, self.mobila_municipality, self.alice
        )
        self.login(self.alice)
        url = reverse("reporting:edit", args=[report.pk])
        post = {
            "version": str(report.version),
            "action": "save",
            "f-lan": "03",
            "f-kommun": "0380",
            "f-ålder": "1 200",
            "f-tid": "09:30",
            "f-mote": "2020-03-01T10:00",
            "f-betyg": "4",
            "f-bekraftat": "OK",
            "r-rader-0-identifier": "",
            "r-rader-0-radnamn": "A",
            "r-rader-0-radantal": "3",
        }
        response = self.client.post(url, post)
        self.assertEqual(response.status_code, 302)
        report.refresh_from_db()
        answers = report.answers
        self.assertEqual(
            {k: answers[k] for k in ("lan", "kommun", "ålder", "tid", "mote", "bekraftat")},
            {
                "lan": "03",
                "kommun": "0380",
                "ålder": "1 200",
                "tid": "09:30",
                "mote": "2020-03-01T10:00",
                "bekraftat": "OK",
            },
        )
        self.assertEqual(answers["rader"][0]["radantal"], "3")
        self.assertNotIn("dubbelt", answers)  # a calculation is not an answer

    def test_an_xls_form_is_taken_as_the_upload_takes_it(self):
        self.login(self.adam)
        response = self.upload(b"not an xls", "enkat.xls")
        self.assertContains(response, "inte en giltig Office-fil", status_code=400)
        Questionnaire.objects.filter(pot=self.suicide_county).update(xlsform_name="enkat.xls")
        url = reverse("reporting:questionnaire_download", args=[2020, self.suicide_county.pk])
        response = self.client.get(url)
        self.assertEqual(response["Content-Type"], "application/vnd.ms-excel")
