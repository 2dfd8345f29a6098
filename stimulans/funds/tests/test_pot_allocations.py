import csv
import io

from openpyxl import load_workbook

from stimulans.funds.models import Pot
from stimulans.lib import numbers
from stimulans.test import FundsTestCase


class PotAllocationsTestCase(FundsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pot = Pot.objects.get(
            part__slug="handlingsplaner-mobila", recipient_kind="municipality"
        )
        cls.url = f"/avtal/2020/potter/{cls.pot.pk}/"

    def test_it_lists_every_recipient(self):
        self.login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Botkyrka kommun")
        self.assertContains(r, "Kiruna kommun")
        self.assertContains(r, "Summa: 200\u00a0000\u00a0000 kr")
        self.assertContains(r, "demodata – inte officiell statistik")

    def test_it_filters_by_county(self):
        self.login(self.alice)
        county = self.stockholm.county
        r = self.client.get(self.url, {"county": county.pk})
        self.assertContains(r, "Botkyrka kommun")
        self.assertNotContains(r, "Kiruna kommun")
        expected = sum(
            a.amount_sek for a in self.pot.allocations.filter(organisation__county=county)
        )
        self.assertContains(r, "Summa: " + f"{expected:,}".replace(",", "\u00a0"))

    def test_it_sorts(self):
        self.login(self.alice)
        r = self.client.get(self.url, {"sort": "-amount_sek"})
        rows = r.context["table"].rows
        amounts = [row.record.amount_sek for row in rows]
        self.assertEqual(amounts, sorted(amounts, reverse=True))

    def test_it_exports_csv(self):
        self.login(self.alice)
        r = self.client.get(self.url, {"county": self.stockholm.county.pk, "_export": "csv"})
        self.assertEqual(r.status_code, 200)
        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0][0], "Kod")
        self.assertEqual(len(rows), 1 + 26)
        codes = {row[0] for row in rows[1:]}
        self.assertIn("0127", codes)
        # A file for people: the figures in Swedish form (groups, decimal comma), never the
        # Decimal's "1.373E+4".
        botkyrka = self.pot.allocations.get(organisation=self.botkyrka)
        row = next(row for row in rows[1:] if row[0] == "0127")
        self.assertEqual(row[4], numbers.sek(botkyrka.amount_sek))
        self.assertIn("\u00a0", row[4])
        self.assertEqual(row[3], numbers.decimal(botkyrka.weight))
        self.assertFalse([r for r in rows[1:] if "E" in r[3] or "." in r[3] + r[4]])

    def test_it_exports_excel(self):
        self.login(self.alice)
        r = self.client.get(self.url, {"_export": "xlsx"})
        wb = load_workbook(io.BytesIO(r.content))
        rows = list(wb.active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 1 + 290)
        self.assertEqual(sum(row[4] for row in rows[1:]), 200_000_000)
        # Numbers stored as numbers, shown with groups (# ##0 in Swedish Excel).
        for cell in wb.active["D"][1:] + wb.active["E"][1:]:
            self.assertEqual(cell.data_type, "n", cell.coordinate)
            self.assertIsInstance(cell.value, int | float)
            self.assertIn(cell.number_format, ("#,##0", "#,##0.0##"), cell.coordinate)
        self.assertEqual({c.number_format for c in wb.active["E"][1:]}, {"#,##0"})
        self.assertEqual(wb.active["A2"].data_type, "s")  # the code stays text: 0114

    def test_it_checks_ownership(self):
        # Public figures: every logged-in role reads them; anonymous visitors must log in.
        self.assertOpenToEveryLoggedInRole(self.url)
        self.assertAccess(self.url, data={"_export": "csv"})
