"""Indicators on imported official statistics: the import (Kolada's API format and CSV, all or
nothing, idempotent) and the values against hand-computed figures."""

import json
import tempfile
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from ..indicators import compute_indicators
from ..models import Indicator, StatisticValue
from ..official_statistics import StatisticsImportError, import_statistics
from .helpers import AnalysisTestCase

CSV = b"""series,org_kind,org_code,year,value
visits,region,01,2020,30
visits,municipality,0380,2020,12
visits,municipality,0381,2020,3
children,region,01,2020,120
children,municipality,0180,2020,999
children,region,03,2020,50
visits,region,04,2020,7
"""

KOLADA = {
    "count": 4,
    "values": [
        {
            "kpi": "N00945",
            "municipality": "0001",
            "period": 2020,
            "values": [
                {"gender": "K", "count": 1, "status": "", "value": 14.0},
                {"gender": "T", "count": 1, "status": "", "value": 12.3},
            ],
        },
        {
            "kpi": "N00945",
            "municipality": "0000",
            "period": 2020,
            "values": [{"gender": "T", "count": 1, "status": "", "value": 10.5}],
        },
        {
            "kpi": "N00945",
            "municipality": "0003",
            "period": 2020,
            "values": [{"gender": "T", "count": 0, "status": "Saknas", "value": None}],
        },
        {
            "kpi": "N00945",
            "municipality": "0180",
            "period": 2020,
            "values": [{"gender": "T", "count": 1, "status": "", "value": 99.9}],
        },
    ],
}


def row(rows, indicator, scope):
    return next(r for r in rows if r["indicator"] == indicator and r["scope"] == scope)


def ratio_indicator():
    return Indicator.objects.create(
        code="stat.visits_per_child",
        title="Besök per barn",
        basis="statistics",
        numerator="visits",
        denominator="children",
        source="SCB",
    )


def value_indicator():
    return Indicator.objects.create(
        code="stat.kolada",
        title="Kolada-andel",
        basis="statistics",
        value_series="N00945",
        source="Kolada",
    )


class ImportTest(AnalysisTestCase):
    def test_csv_import_and_ratio_per_county_and_nationally(self):
        self.assertEqual(import_statistics(CSV, "csv"), 7)
        self.assertEqual(
            StatisticValue.objects.get(series="visits", org_code="0380").value, Decimal(12)
        )
        rows = compute_indicators(2020, [ratio_indicator()])
        # 01: the region's own figures (the municipality's 999 is not added to them): 30 / 120.
        self.assertEqual(row(rows, "stat.visits_per_child", "region:01")["value"], 0.25)
        # 03: the municipalities summed, 12 + 3 = 15, over the region's 50.
        r03 = row(rows, "stat.visits_per_child", "region:03")
        self.assertEqual((r03["numerator"], r03["denominator"], r03["value"]), (15, 50, 0.3))
        # 04 has no denominator: no value, and not in the national sums.
        self.assertIsNone(row(rows, "stat.visits_per_child", "region:04")["value"])
        national = row(rows, "stat.visits_per_child", "national")
        self.assertEqual((national["numerator"], national["denominator"]), (45, 170))
        self.assertAlmostEqual(national["value"], 45 / 170)

    def test_kolada_ready_value_series(self):
        self.assertEqual(import_statistics(json.dumps(KOLADA).encode(), "kolada"), 3)
        self.assertEqual(
            StatisticValue.objects.get(org_kind="region", org_code="01").value, Decimal("12.3")
        )
        rows = compute_indicators(2020, [value_indicator()])
        # A percentage: 12.3 % is the share 0.123; the country's own figure nationally.
        self.assertAlmostEqual(row(rows, "stat.kolada", "region:01")["value"], 0.123)
        self.assertAlmostEqual(row(rows, "stat.kolada", "national")["value"], 0.105)
        # Kolada's missing value is not imported; a municipality is not a county's value.
        self.assertIsNone(row(rows, "stat.kolada", "region:03")["value"])

    def test_bad_rows_are_all_listed_and_nothing_is_saved(self):
        bad = CSV + (
            b"visits,region,99,2020,1\nvisits,kommun,0180,20x0,1\nvisits,planet,1,2020,abc\n"
        )
        with self.assertRaises(StatisticsImportError) as caught:
            import_statistics(bad, "csv")
        errors = caught.exception.errors
        self.assertEqual([e.split(":")[0] for e in errors], ["Rad 9", "Rad 10", "Rad 11"])
        self.assertIn("99", errors[0])
        self.assertIn("året", errors[1])
        self.assertIn("värdet", errors[2])
        self.assertEqual(StatisticValue.objects.count(), 0)

    def test_duplicates_and_wrong_columns_are_refused(self):
        with self.assertRaises(StatisticsImportError) as caught:
            import_statistics(CSV + b"visits,region,01,2020,31\n", "csv")
        self.assertIn("Rad 9", caught.exception.errors[0])
        with self.assertRaises(StatisticsImportError):
            import_statistics(b"series,org,year,value\nx,01,2020,1\n", "csv")
        with self.assertRaises(StatisticsImportError):
            import_statistics(b'{"data": []}', "kolada")

    def test_import_again_changes_nothing_and_a_new_value_replaces(self):
        import_statistics(CSV, "csv")
        import_statistics(CSV, "csv")
        self.assertEqual(StatisticValue.objects.count(), 7)
        header = b"series,org_kind,org_code,year,value\n"
        import_statistics(header + b'visits,region,01,2020,"33,5"\n', "csv")
        self.assertEqual(StatisticValue.objects.count(), 7)
        self.assertEqual(
            StatisticValue.objects.get(series="visits", org_code="01").value, Decimal("33.5")
        )

    def test_command_exit_2_lists_rows(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "s.csv"
            path.write_bytes(CSV + b"visits,region,99,2020,1\n")
            with self.assertRaises(CommandError) as caught:
                call_command("import_statistics", str(path), "--source", "csv")
            self.assertEqual(caught.exception.returncode, 2)
            self.assertIn("Rad 9", str(caught.exception))
            self.assertEqual(StatisticValue.objects.count(), 0)
            path.write_bytes(json.dumps(KOLADA).encode())
            call_command("import_statistics", str(path), "--source", "kolada")
            self.assertEqual(StatisticValue.objects.count(), 3)

    def test_definition_is_validated(self):
        with self.assertRaises(ValidationError):
            Indicator(code="a", title="a", basis="statistics", numerator="visits").full_clean()
        with self.assertRaises(ValidationError):
            Indicator(code="b", title="b", basis="reported", value_series="N1").full_clean()
        with self.assertRaises(ValidationError):
            Indicator(
                code="c", title="c", basis="statistics", value_series="N1", numerator="x"
            ).full_clean()
        Indicator(code="d", title="d", basis="statistics", value_series="N1").full_clean()


class CacheTest(AnalysisTestCase):
    def test_an_import_changes_the_cached_analysis(self):
        from ..data_version import data_version
        from ..year_analysis import analyse_year

        ratio_indicator()
        before = data_version(2020)
        analysed = analyse_year(self.agreement)
        self.assertIsNone(
            row(analysed["indicator_rows"], "stat.visits_per_child", "national")["value"]
        )
        import_statistics(CSV, "csv")
        self.assertNotEqual(data_version(2020), before)
        analysed = analyse_year(self.agreement)
        self.assertEqual(
            row(analysed["indicator_rows"], "stat.visits_per_child", "region:01")["value"], 0.25
        )
