import csv
import io

from django.test import SimpleTestCase
from openpyxl import Workbook, load_workbook

from stimulans.lib import cells
from stimulans.lib.text import clean_data, clean_text


class CleanTextTest(SimpleTestCase):
    def test_it_removes_what_xml_cannot_hold_and_keeps_the_rest(self):
        self.assertEqual(clean_text("a\x00b\x01c\x08d\x1fe\ud800f\ufffeg\uffffh"), "abcdefgh")
        self.assertEqual(clean_text("rad\x0bny\x0csida"), "rad ny sida")
        kept = "tab\there\nnew\r\nline åäö – ✓ \U0001f600 \x7f"
        self.assertIs(clean_text(kept), kept)

    def test_clean_data_cleans_keys_and_nested_values(self):
        self.assertEqual(
            clean_data({"k\x01": ["a\x02", {"b": "c\x03"}, 1, None, True]}),
            {"k": ["a", {"b": "c"}, 1, None, True]},
        )


class CsvCellTest(SimpleTestCase):
    def test_text_that_starts_a_formula_gets_an_apostrophe(self):
        for text in ("=1+1", "+46", "-1", "@SUM(A1)", "\tx", "\rx"):
            self.assertEqual(cells.csv_cell(text), "'" + text)
        self.assertEqual(cells.csv_cell("a=1"), "a=1")
        self.assertEqual(cells.csv_cell(-1), -1)
        self.assertIsNone(cells.csv_cell(None))
        self.assertEqual(cells.csv_cell("\x01=1"), "'=1")

    def test_csv_bytes_escapes_the_header_too(self):
        content = cells.csv_bytes(["=h", "ok"], [["@x", 5]])
        self.assertTrue(content.startswith("\ufeff".encode()))
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        self.assertEqual(rows, [["'=h", "ok"], ["'@x", "5"]])


class AppendRowTest(SimpleTestCase):
    def test_text_is_text_and_numbers_stay_numbers(self):
        workbook = Workbook()
        cells.append_row(workbook.active, ['=HYPERLINK("x")', 5, -2.5, None, "a\x01b"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        row = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
        self.assertEqual(
            [(c.value, c.data_type) for c in row],
            [('=HYPERLINK("x")', "s"), (5, "n"), (-2.5, "n"), (None, "n"), ("ab", "s")],
        )

    def test_sheet_titles_are_valid_and_unique(self):
        self.assertEqual(cells.sheet_title("a/b:c\x01" + "x" * 40), "abc" + "x" * 28)
        self.assertEqual(cells.sheet_title("Svar", {"Svar"}), "Svar 2")
        self.assertEqual(cells.sheet_title("[]"), "-")


class NumbersTest(SimpleTestCase):
    def test_number_text_writes_swedish_numbers_and_leaves_the_rest(self):
        from decimal import Decimal

        self.assertEqual(cells.number_text(1234567), "1\u00a0234\u00a0567")
        # A normalised Decimal prints as 1.373E+4; people read 13 730.
        self.assertEqual(cells.number_text(Decimal("1.373E+4")), "13\u00a0730")
        self.assertEqual(cells.number_text(Decimal("13730.50")), "13\u00a0730,5")
        self.assertEqual(cells.number_text(0.1), "0,1")
        self.assertEqual(cells.number_text(-2.5), "-2,5")
        for kept in ("0180", "", None, True):
            self.assertIs(cells.number_text(kept), kept)

    def test_numbers_in_a_sheet_stay_numbers_with_their_columns_format(self):
        from decimal import Decimal

        workbook = Workbook()
        values = [2020, 1234567, Decimal("13730"), 0.25, "0180", True]
        formats = [cells.PLAIN, *(cells.number_format(v) for v in values[1:])]
        cells.append_row(workbook.active, values, formats)
        buffer = io.BytesIO()
        workbook.save(buffer)
        row = next(load_workbook(buffer).active.iter_rows(min_row=1, max_row=1))
        self.assertEqual([c.value for c in row], [2020, 1234567, 13730, 0.25, "0180", True])
        self.assertEqual(
            [c.number_format for c in row],
            ["0", "#,##0", "#,##0", "#,##0.0##", "General", "General"],
        )
        self.assertEqual([c.data_type for c in row[:4]], ["n"] * 4)
