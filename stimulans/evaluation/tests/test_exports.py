import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from stimulans.evaluation.models import SampledUnit, UnitEvent, WorkPlanActivity
from stimulans.test import numbers_stored_as_text

from .base import StudyTestCase


def sheets(response):
    workbook = load_workbook(io.BytesIO(response.content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


class ExportTests(StudyTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        report = cls.reports[0]
        cls.unit = SampledUnit.objects.create(study=cls.study, organisation=report.organisation)
        UnitEvent.objects.create(
            unit=cls.unit, year=2021, kind="finding", text="=HYPERLINK(1)", report=report
        )
        WorkPlanActivity.objects.create(
            duty="support",
            title="Dialoger",
            agency="both",
            start=datetime.date(2021, 2, 1),
            end=datetime.date(2021, 8, 1),
            status="ongoing",
        )

    def test_studies_with_units_and_events(self):
        pages = self.assertAccess(
            reverse("evaluation:studies_export"),
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.bob, self.cora, self.regina],
            ok=200,
        )
        book = sheets(pages[self.anna])
        self.assertEqual(
            list(book), ["Utvärderingsstudier", "Urvalsenheter", "Händelser och resultat"]
        )
        studies = book["Utvärderingsstudier"]
        self.assertEqual(studies[0][:2], ["Titel", "Utvärderingsfråga"])
        self.assertEqual(studies[1][:2], ["Studie", "Vad hände?"])
        self.assertEqual(studies[1][3], self.part.title)
        units = book["Urvalsenheter"]
        self.assertEqual(units[1][:2], ["Studie", self.unit.organisation.name])
        events = book["Händelser och resultat"]
        self.assertEqual(len(events), 2)
        self.assertEqual(events[1][2:5], [2021, "Resultat", "=HYPERLINK(1)"])
        self.assertEqual(events[1][6], str(self.reports[0]))

    def test_work_plan(self):
        pages = self.assertAccess(
            reverse("evaluation:work_plan_export"),
            allowed=[self.anna, self.adam],
            refused=[self.alice, self.cora],
            ok=200,
        )
        rows = sheets(pages[self.adam])["Arbetsplan"]
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][1], "Dialoger")
        self.assertEqual(rows[1][3], datetime.datetime(2021, 2, 1))

    def test_the_pages_link_the_exports(self):
        self.login(self.anna)
        page = self.client.get(reverse("evaluation:studies"))
        self.assertContains(page, reverse("evaluation:studies_export"))
        page = self.client.get(reverse("evaluation:work_plan"))
        self.assertContains(page, reverse("evaluation:work_plan_export"))

    def test_numbers_are_numbers_with_a_number_format(self):
        self.study.seed, self.study.sample_size = 20210415, 12
        self.study.save()
        self.login(self.anna)
        response = self.client.get(reverse("evaluation:studies_export"))
        workbook = load_workbook(io.BytesIO(response.content))
        self.assertEqual(numbers_stored_as_text(workbook), [])
        studies = workbook["Utvärderingsstudier"]
        # Start and end year and the seed without groups, the sample size as a count.
        self.assertEqual(
            [studies.cell(row=2, column=n).number_format for n in (7, 8, 9, 10)],
            ["0", "0", "0", "#,##0"],
        )
        self.assertEqual(studies.cell(row=2, column=7).data_type, "n")
        self.assertEqual(workbook["Händelser och resultat"]["C2"].number_format, "0")
