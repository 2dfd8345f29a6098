"""Defence in depth: a questionnaire already stored with expressions the evaluator cannot
handle (unsupported functions, nesting too deep to evaluate) at field, group and repeat level
never makes a report page answer 500. The form, the reading page, the relevance update, saving,
submitting and the exports work; an unreadable `relevant` shows the question, an unreadable
`constraint` accepts the answer, an unreadable `required` does not require it."""

import copy

from django.urls import reverse

from stimulans.reporting import services, xlsform
from stimulans.reporting.models import Questionnaire, ReportStatus

from .base import ReportingTestCase, make_report

DEEP = "1" + " + 1" * 3000  # parses, but evaluating it would exhaust Python's stack
UNSUPPORTED = {
    # (node name, bind attribute): expression
    ("participation", "relevant"): "pulldata('f', 'c', 'k', ${disruption}) = ''",
    ("initiatives", "relevant"): "position(..) > 0",
    ("support_description", "relevant"): "digest(${support_needed}, 'SHA-256') = 'x'",
    ("participation_description", "relevant"): f"({DEEP}) > 0 and ${{disruption}} = 'zzz'",
    ("funds_used_sek", "constraint"): "uuid() = .",
    ("outputs", "required"): "version() = '1'",
    ("mobile_description", "required"): "selected(${support_needed})",
}


class StoredUnsupportedExpressionTest(ReportingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        questionnaire = Questionnaire.objects.get(pot=cls.mobila_municipality)
        definition = copy.deepcopy(questionnaire.definition)
        for node, _repeat in xlsform.walk(definition):
            for (name, attr), expr in UNSUPPORTED.items():
                if node.get("name") == name:
                    node.setdefault("bind", {})[attr] = expr
        Questionnaire.objects.filter(pk=questionnaire.pk).update(definition=definition)

    def setUp(self):
        self.report = make_report(
            self.stockholm, self.mobila_municipality, self.alice, mobile_description=""
        )

    def test_the_form_shows_every_question(self):
        self.login(self.alice)
        response = self.client.get(reverse("reporting:edit", args=[self.report.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'id="f-participation">')
        self.assertContains(response, 'id="f-support_description-wrap">')
        self.assertContains(response, 'id="f-participation_description-wrap">')
        response = self.client.post(
            reverse("reporting:relevance", args=[self.report.pk]), {"f-disruption": "no"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'id="f-support_description-wrap">')

    def test_the_reading_page_and_the_exports_answer(self):
        self.login(self.alice)
        response = self.client.get(reverse("reporting:detail", args=[self.report.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "NSPH deltog i arbetsgruppen")
        self.login(self.anna)
        self.assertEqual(
            self.client.get(reverse("reporting:detail", args=[self.report.pk])).status_code, 200
        )
        pot = self.mobila_municipality.pk
        self.assertEqual(
            self.client.get(reverse("reporting:export_xlsx", args=[pot])).status_code, 200
        )
        for sheet in ("answers", "initiatives"):
            url = reverse("reporting:export_csv", args=[pot, sheet])
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_saving_and_submitting_work(self):
        from stimulans.reporting.forminputs import form_inputs

        self.login(self.alice)
        url = reverse("reporting:edit", args=[self.report.pk])
        inputs = form_inputs(
            services.definition_for(self.report), services.report_values(self.report)
        )
        response = self.client.post(url, {**inputs, "version": self.report.version})
        self.assertEqual(response.status_code, 302)
        self.report.refresh_from_db()
        response = self.client.post(
            url, {**inputs, "version": self.report.version, "action": "submit"}
        )
        # "Skicka in" saves and leads to the summary page, whose button submits.
        submit = reverse("reporting:submit", args=[self.report.pk])
        self.assertRedirects(response, submit)
        self.assertEqual(self.client.get(submit).status_code, 200)
        self.report.refresh_from_db()
        response = self.client.post(submit, {"version": self.report.version})
        self.assertEqual(response.status_code, 302)
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, ReportStatus.SUBMITTED)
