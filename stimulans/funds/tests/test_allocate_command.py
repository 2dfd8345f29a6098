import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from stimulans.test import BaseTestCase


class AllocateCommandTestCase(BaseTestCase):
    def run_allocate(self, csv_text, amount="100"):
        path = self.tmp_path / "key.csv"
        path.write_text(csv_text, encoding="utf-8")
        out = StringIO()
        call_command(
            "allocate", "--amount", amount, "--key", str(path), "--format", "json", stdout=out
        )
        return json.loads(out.getvalue())

    @pytest.fixture(autouse=True)
    def _tmp(self, tmp_path):
        self.tmp_path = tmp_path

    def test_it_prints_amounts_in_input_order(self):
        result = self.run_allocate(
            "org_kind,org_code,weight\nmunicipality,0380,1\nmunicipality,0127,1\nregion,01,2\n",
            amount="101",
        )
        self.assertEqual(
            result,
            [
                # 101 * 1/4 = 25.25 twice and 50.5: floors 25+25+50 = 100, the last krona goes
                # to the largest remainder, the region's 0.5.
                {"org_kind": "municipality", "org_code": "0380", "amount_sek": 25},
                {"org_kind": "municipality", "org_code": "0127", "amount_sek": 25},
                {"org_kind": "region", "org_code": "01", "amount_sek": 51},
            ],
        )

    def test_ties_go_to_the_lowest_code(self):
        result = self.run_allocate(
            "org_kind,org_code,weight\nmunicipality,0380,1\nmunicipality,0127,1\n", amount="3"
        )
        self.assertEqual([r["amount_sek"] for r in result], [1, 2])

    def test_decimal_weights(self):
        result = self.run_allocate(
            "org_kind,org_code,weight\ncounty,01,0.2301038\ncounty,03,0.7698962\n",
            amount="300000000",
        )
        self.assertEqual(sum(r["amount_sek"] for r in result), 300_000_000)
        self.assertEqual(result[0]["amount_sek"], 69_031_140)

    def assertRefusedWith(self, csv_text, *fragments, amount="100"):
        with self.assertRaises(CommandError) as ctx:
            self.run_allocate(csv_text, amount=amount)
        self.assertEqual(ctx.exception.returncode, 2)
        for fragment in fragments:
            self.assertIn(fragment, str(ctx.exception))

    def test_it_refuses_unknown_organisation(self):
        self.assertRefusedWith(
            "org_kind,org_code,weight\nmunicipality,0180,1\nmunicipality,9999,1\n",
            "Rad 3",
            "okänd organisation",
            "9999",
        )

    def test_it_refuses_unknown_kind(self):
        self.assertRefusedWith("org_kind,org_code,weight\nkommun,0180,1\n", "Rad 2", "kommun")

    def test_it_refuses_duplicates(self):
        self.assertRefusedWith(
            "org_kind,org_code,weight\nmunicipality,0180,1\nmunicipality,0180,2\n",
            "Rad 3",
            "rad 2",
        )

    def test_it_refuses_negative_and_non_numeric_weights(self):
        self.assertRefusedWith(
            "org_kind,org_code,weight\nmunicipality,0180,-1\nmunicipality,0127,abc\n"
            "municipality,0380,NaN\n",
            "Rad 2",
            "negativ",
            "Rad 3",
            "abc",
            "Rad 4",
        )

    def test_it_refuses_weights_summing_to_zero(self):
        self.assertRefusedWith(
            "org_kind,org_code,weight\nmunicipality,0180,0\nmunicipality,0127,0\n", "noll"
        )

    def test_it_refuses_bad_amounts(self):
        for amount in ("0", "-5", "12.5", "abc"):
            self.assertRefusedWith(
                "org_kind,org_code,weight\nmunicipality,0180,1\n", "positivt heltal", amount=amount
            )

    def test_it_refuses_a_wrong_header(self):
        self.assertRefusedWith("kind,code,weight\nmunicipality,0180,1\n", "Rad 1", "rubriken")


@pytest.mark.slow  # runs the console script in a subprocess
def test_console_script_exits_with_status_2(tmp_path):
    key = tmp_path / "key.csv"
    key.write_text("org_kind,org_code,weight\nmunicipality,0180,1\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "stimulans.cli",
            "allocate",
            "--amount",
            "-3",
            "--key",
            str(key),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env={"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert "positivt heltal" in proc.stderr
    assert proc.stdout == ""
