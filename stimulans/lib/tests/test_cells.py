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
