import io

from openpyxl import load_workbook

from stimulans.test import BaseTestCase, numbers_stored_as_text

from .factories import make_register


def rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[c for c in row] for row in sheet.iter_rows(values_only=True)]


class ExportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)
        cls.need.description = "=HYPERLINK(1)"
        cls.need.save()

    def test_needs_export_follows_what_each_role_reads(self):
        pages = self.assertAccess(
            "/stod/behov.xlsx", allowed=[self.alice, self.bob, self.cora, self.anna], ok=200
        )
        self.assertEqual(len(rows(pages[self.anna])), 3)
        self.assertEqual(len(rows(pages[self.cora])), 2)
        self.assertEqual(len(rows(pages[self.bob])), 1)
        self.assertEqual(rows(pages[self.alice])[1][7], "=HYPERLINK(1)")
        self.assertEqual(rows(pages[self.alice])[1][8], "Workshop om mått")

    def test_dialogues_export_leaves_notes_to_the_agencies(self):
        pages = self.assertAccess(
            "/stod/dialoger.xlsx",
            allowed=[self.cora, self.adam],
            refused=[self.alice, self.regina],
            ok=200,
        )
        self.assertIn("HEMLIG ANTECKNING", str(rows(pages[self.adam])))
        self.assertNotIn("HEMLIG ANTECKNING", str(rows(pages[self.cora])))
        self.assertEqual(len(rows(pages[self.cora])), 2)

    def test_actions_export(self):
        pages = self.assertAccess(
            "/stod/atgarder.xlsx", allowed=[self.anna], refused=[self.alice, self.cora], ok=200
        )
        self.assertIn("Stockholms län: 12", str(rows(pages[self.anna])))

    def test_numbers_are_numbers_with_a_number_format(self):
        self.login(self.anna)
        needs = load_workbook(io.BytesIO(self.client.get("/stod/behov.xlsx").content))
        self.assertEqual(numbers_stored_as_text(needs), [])
        year = needs.active["A2"]
        self.assertEqual((year.data_type, year.number_format), ("n", "0"))  # 2021, not 2 021
        self.login(self.adam)
        dialogues = load_workbook(io.BytesIO(self.client.get("/stod/dialoger.xlsx").content))
        sheet = dialogues.active
        count = sheet.cell(row=2, column=sheet.max_column)
        self.assertEqual((count.data_type, count.number_format), ("n", "#,##0"))
        self.assertIsInstance(count.value, int)
