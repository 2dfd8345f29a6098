"""The plan activity an initiative carries out in the report exports (id and title) and in
`import-initiatives` (the optional `plan_activity` column: an id of the county's published
plan, a bad row otherwise, the whole file refused)."""

import csv
import io

from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import ActionPlan
from stimulans.plans.services import publish
from stimulans.plans.yaml_import import import_plan_text
from stimulans.reporting.exports import export_csv, export_xlsx
from stimulans.reporting.imports import INITIATIVE_COLUMNS, ImportFileError, import_initiatives
from stimulans.reporting.models import Initiative
from stimulans.test import BaseTestCase

HEADER = ",".join([*INITIATIVE_COLUMNS, "plan_activity"])


def rows_text(*activities):
    """A file of Region Stockholm's initiatives A1, A2… naming the given activities."""
    lines = [HEADER]
    for n, activity in enumerate(activities, start=1):
        lines.append(f"2020,barn-unga,region,01,A{n},,Insats {n},,,,,,,,,{activity}")
    return "\n".join(lines) + "\n"


def run(text):
    return import_initiatives(text.encode("utf-8"))


class PlanActivityExchangeTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        draft = import_plan_text(stockholm_plan_text())
        ActionPlan.objects.filter(pk=draft.pk).update(year=2020)
        cls.plan = publish(ActionPlan.objects.get(pk=draft.pk), cls.cora)
        cls.activity = cls.plan.activities.order_by("pk").first()
        cls.pot = Pot.objects.get(
            part__agreement__year=2020, part__slug="barn-unga", recipient_kind="region"
        )

    def test_the_import_sets_and_clears_the_plan_activity(self):
        result = run(rows_text(self.activity.pk, ""))
        self.assertEqual(result.created, 2)
        a1 = Initiative.objects.get(identifier="A1")
        self.assertEqual(a1.plan_activity, self.activity)
        self.assertIsNone(Initiative.objects.get(identifier="A2").plan_activity)
        # The same file again changes nothing; an empty cell clears the choice.
        self.assertFalse(run(rows_text(self.activity.pk, "")).changed)
        result = run(rows_text("", ""))
        self.assertEqual(result.updated, 1)
        self.assertIsNone(Initiative.objects.get(identifier="A1").plan_activity)

    def test_without_the_column_the_choice_is_kept(self):
        run(rows_text(self.activity.pk))
        header = ",".join(INITIATIVE_COLUMNS)
        result = run(f"{header}\n2020,barn-unga,region,01,A1,,Insats 1,,,,,,,,\n")
        self.assertFalse(result.changed)
        self.assertEqual(Initiative.objects.get(identifier="A1").plan_activity, self.activity)

    def test_an_unknown_activity_is_a_bad_row_and_nothing_is_imported(self):
        # Another county's organisation (Region Uppsala, 03) has no plan: the id is unknown.
        text = rows_text(self.activity.pk, "999999", "x") + (
            f"2020,barn-unga,region,03,U1,,Nätverk,,,,,,,,,{self.activity.pk}\n"
        )
        with self.assertRaises(ImportFileError) as caught:
            run(text)
        errors = caught.exception.errors
        self.assertEqual(len(errors), 3, errors)
        self.assertTrue(errors[0].startswith("Rad 3: okänd aktivitet ”999999” i plan_activity"))
        self.assertIn("länets publicerade handlingsplan för 2020", errors[0])
        self.assertTrue(errors[1].startswith("Rad 4: okänd aktivitet ”x”"))
        self.assertTrue(errors[2].startswith(f"Rad 5: okänd aktivitet ”{self.activity.pk}”"))
        self.assertFalse(Initiative.objects.exists())

    def test_a_draft_plans_activities_are_refused(self):
        ActionPlan.objects.filter(pk=self.plan.pk).update(status="draft")
        with self.assertRaises(ImportFileError):
            run(rows_text(self.activity.pk))
        self.assertFalse(Initiative.objects.exists())

    def test_the_exports_name_the_activity_and_import_again(self):
        run(rows_text(self.activity.pk, ""))
        content = export_csv(self.pot, "initiatives")
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        self.assertEqual(rows[0]["plan_activity"], str(self.activity.pk))
        title = rows[0]["plan_activity_title"]
        self.assertTrue(title.startswith("2020 "), title)
        self.assertIn(self.activity.title, title)
        self.assertEqual((rows[1]["plan_activity"], rows[1]["plan_activity_title"]), ("", ""))
        # The export is in the import format, the activity included: nothing changes.
        self.assertFalse(import_initiatives(content, filename="x.csv").changed)
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(export_xlsx(self.pot)))["Insatser"]
        header = [c.value for c in sheet[1]]
        row = [c.value for c in sheet[2]]
        self.assertEqual(str(row[header.index("plan_activity")]), str(self.activity.pk))
        self.assertEqual(row[header.index("plan_activity_title")], title)
