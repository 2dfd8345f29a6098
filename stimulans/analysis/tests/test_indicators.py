import json
from io import StringIO

from django.core.management import CommandError, call_command

from stimulans.core import setup

from ..indicators import compute_indicators, indicator_trend
from ..models import Indicator
from .helpers import AnalysisTestCase, make_report, measures, region

FIRST = "bup.first_assessment.share_within_30_days"
EXTENDED = "bup.extended_assessment.share_within_30_days"


def row(rows, indicator, scope):
    return next(r for r in rows if r["indicator"] == indicator and r["scope"] == scope)


class IndicatorTest(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot = cls.youth_region_pot
        measures(
            make_report(region("01"), pot),
            bup__first_assessment__children=100,
            bup__first_assessment__within_30_days=80,
        )
        measures(
            make_report(region("03"), pot, "approved"),
            bup__first_assessment__children=50,
            bup__first_assessment__within_30_days=10,
        )
        # Numerator without denominator: this organisation is left out.
        measures(make_report(region("04"), pot), bup__first_assessment__within_30_days=5)
        # A zero denominator: counted, but the county value is empty.
        measures(
            make_report(region("05"), pot),
            bup__first_assessment__children=0,
            bup__first_assessment__within_30_days=0,
        )
        # A draft does not count.
        measures(
            make_report(region("06"), pot, "draft"),
            bup__first_assessment__children=1000,
            bup__first_assessment__within_30_days=0,
        )

    def test_catalogue_is_reference_data(self):
        self.assertEqual(Indicator.objects.count(), 4)
        first = Indicator.objects.get(code=FIRST)
        self.assertEqual(first.numerator, "bup.first_assessment.within_30_days")
        self.assertEqual(first.denominator, "bup.first_assessment.children")
        self.assertTrue(first.title and first.unit and first.source)
        self.assertIn("indikatorer", [label for label, _loader in setup.REFERENCE_LOADERS])
        labels = [label for label, _loader in setup.REFERENCE_LOADERS]
        self.assertGreater(labels.index("indikatorer"), labels.index("överenskommelsen 2020"))

    def test_national_value_from_sums_not_averages(self):
        rows = compute_indicators(2020)
        national = row(rows, FIRST, "national")
        self.assertEqual(national["numerator"], 90)
        self.assertEqual(national["denominator"], 150)
        self.assertAlmostEqual(national["value"], 0.6)  # not (0.8 + 0.2) / 2

    def test_county_values(self):
        rows = compute_indicators(2020)
        self.assertEqual(row(rows, FIRST, "region:01")["value"], 0.8)
        self.assertEqual(row(rows, FIRST, "region:03")["value"], 0.2)
        missing = row(rows, FIRST, "region:04")
        self.assertEqual(
            (missing["numerator"], missing["denominator"], missing["value"]), (None, None, None)
        )
        zero = row(rows, FIRST, "region:05")
        self.assertEqual((zero["numerator"], zero["denominator"], zero["value"]), (0, 0, None))
        self.assertIsNone(row(rows, FIRST, "region:06")["value"])
        self.assertEqual(len([r for r in rows if r["indicator"] == FIRST]), 22)

    def test_indicator_without_data_is_empty(self):
        national = row(compute_indicators(2020), EXTENDED, "national")
        self.assertIsNone(national["value"])
        self.assertIsNone(national["denominator"])

    def test_trend(self):
        self.assertEqual(indicator_trend(Indicator.objects.get(code=FIRST)), [(2020, 0.6)])

    def test_command(self):
        out = StringIO()
        call_command("indicators", "--year", "2020", "--format", "json", stdout=out)
        data = json.loads(out.getvalue())
        self.assertEqual(
            row(data, FIRST, "national"),
            {
                "indicator": FIRST,
                "scope": "national",
                "numerator": 90,
                "denominator": 150,
                "value": 0.6,
            },
        )
        with self.assertRaises(CommandError) as ctx:
            call_command("indicators", "--year", "1999", stdout=StringIO())
        self.assertEqual(ctx.exception.returncode, 2)
