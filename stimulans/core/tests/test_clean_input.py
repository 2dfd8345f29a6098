"""Characters that XML 1.0 cannot hold are accepted nowhere at input except as removed: not
in a form post (multipart or urlencoded), not in the API's JSON, not in an imported file (CSV
of initiatives, a plan's YAML). Tab and newlines are kept. See core.middleware's
CleanInputMiddleware and the importers' reading of cell text."""

import json
from urllib.parse import urlencode

from django.urls import reverse

from stimulans.api.tests.base import ApiTestCase
from stimulans.funds.services import load_agreement_2020
from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import PlanComment
from stimulans.plans.tests.base import PlanTestCase
from stimulans.plans.yaml_import import import_plan_text
from stimulans.reporting.imports import INITIATIVE_COLUMNS, import_initiatives
from stimulans.reporting.models import Initiative
from stimulans.test import BaseTestCase

TYPED = "Första\x01 raden\x0bandra\x1f\tflik\r\nny rad\ufffe"
CLEAN = "Första raden andra\tflik\r\nny rad"


class FormPostTest(PlanTestCase):
    def test_a_multipart_and_an_urlencoded_post_store_clean_text(self):
        url = reverse("plans:plan_comment", args=[self.draft.pk])
        self.login(self.alice)
        self.assertEqual(self.client.post(url, {"body": TYPED}).status_code, 302)
        response = self.client.post(
            url,
            urlencode({"body": "Andra" + TYPED}),
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            sorted(PlanComment.objects.values_list("body", flat=True)),
            sorted([CLEAN, "Andra" + CLEAN]),
        )


class ApiPostTest(ApiTestCase):
    def test_json_strings_and_keys_are_stored_clean(self):
        report = self.make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.auth(self.alice)
        body = {
            "version": report.version,
            "answers": {"disruption\x01": TYPED, "note": "halv\ud800surrogat"},
            "initiatives": [{"identifier": "a1", "title": "Team" + TYPED}],
        }
        response = self.client.patch(
            reverse("api:report-detail", args=[report.pk]),
            json.dumps(body),  # ASCII with escapes (\u0001, \ud800), as clients send them
            content_type="application/json",
        )
        self.assertEqual(response.status_code, 200, response.content)
        report.refresh_from_db()
        self.assertEqual(report.answers["disruption"], CLEAN)
        self.assertNotIn("disruption\x01", report.answers)
        self.assertEqual(report.answers["note"], "halvsurrogat")  # could not even be stored
        self.assertEqual(report.initiatives.get().title, "Team" + CLEAN)


class ImportTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def test_an_imported_csv_is_stored_clean(self):
        row = f'2020,barn-unga,region,01,A\x011,verksamhetsutveckling,"{TYPED}",,,,,,,,'
        result = import_initiatives(f"{','.join(INITIATIVE_COLUMNS)}\n{row}\n".encode())
        self.assertEqual(result.created, 1)
        initiative = Initiative.objects.get()
        self.assertEqual(initiative.identifier, "A1")
        self.assertEqual(initiative.activities, CLEAN)

    def test_an_imported_plan_is_stored_clean(self):
        text = (
            stockholm_plan_text()
            .replace('  purpose: "', '  purpose: "Escaped\\x01\\x0b ', 1)
            .replace("  year: 2021", "  year: 2021\n  title: Rå\x02text", 1)
        )
        plan = import_plan_text(text)
        self.assertTrue(plan.purpose.startswith("Escaped  "), plan.purpose[:20])
        self.assertEqual(plan.title, "Råtext")
