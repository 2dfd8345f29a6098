import csv
import io

from openpyxl import load_workbook

from stimulans.funds.models import Pot
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
        amounts = {row[0]: int(row[4]) for row in rows[1:]}
        self.assertEqual(
            amounts["0127"], self.pot.allocations.get(organisation=self.botkyrka).amount_sek
        )

    def test_it_exports_excel(self):
        self.login(self.alice)
        r = self.client.get(self.url, {"_export": "xlsx"})
        wb = load_workbook(io.BytesIO(r.content))
        rows = list(wb.active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 1 + 290)
        self.assertEqual(sum(int(row[4]) for row in rows[1:]), 200_000_000)

    def test_it_checks_ownership(self):
        # Public figures: every logged-in role reads them; anonymous visitors must log in.
        self.assertOpenToEveryLoggedInRole(self.url)
        self.assertAccess(self.url, data={"_export": "csv"})
