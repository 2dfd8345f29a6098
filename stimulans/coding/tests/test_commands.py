"""`stimulans import-codings FILE` (all-or-nothing, every bad row listed, status 2) and
`stimulans coding-agreement --year --part --format json`."""

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

from stimulans.analysis.models import InitiativeCoding

from ..models import CoderCode, CoderRole
from ..sampling import draw_sample
from .helpers import CodingTestCase

HEADER = (
    "year,part,org_kind,org_code,initiative,coder,category,effect_level,effect_measured,"
    "link_quality,phase,within_agreement\n"
)


class CommandsTest(CodingTestCase):
    def write(self, text):
        directory = tempfile.mkdtemp()
        path = Path(directory) / "kodningar.csv"
        path.write_text(text, encoding="utf-8")
        return str(path)

    def row(self, initiative, coder, category="kunskap-kompetens", rest=",,,,"):
        org = initiative.report.organisation
        where = f"2020,suicidprevention,{org.kind},{org.code},{initiative.identifier}"
        return f"{where},{coder},{category},{rest}\n"

    def coder_agreement(self):
        out = StringIO()
        call_command(
            "coding_agreement",
            "--year",
            "2020",
            "--part",
            "suicidprevention",
            "--format",
            "json",
            stdout=out,
        )
        return {row["dimension"]: row for row in json.loads(out.getvalue())}

    def test_import_and_agreement(self):
        one, two, three = self.initiatives[:3]
        text = HEADER + "".join(
            [
                self.row(one, "anna", "kunskap-kompetens", "target_group,true,,,"),
                self.row(one, "Myndigheten X", "kunskap-kompetens", "organisation,,,,"),
                self.row(two, "anna", "kunskap-kompetens"),
                self.row(two, "Myndigheten X", "samordning-projektledning"),
                self.row(
                    three, "anna", "samordning-projektledning", ",,insufficient,planned,false"
                ),
            ]
        )
        out = StringIO()
        call_command("import_codings", self.write(text), stdout=out)
        self.assertIn("5 koder importerade, 1 blev slutlig kodning.", out.getvalue())
        external = CoderCode.objects.get(initiative=one, external_coder="Myndigheten X")
        self.assertIsNone(external.coder)
        self.assertEqual(external.effect_level, "organisation")
        self.assertIsNone(external.effect_measured)  # empty: not coded
        self.assertEqual(
            CoderCode.objects.get(initiative=one, coder=self.anna).effect_measured, True
        )
        final = InitiativeCoding.objects.get(initiative=three)
        self.assertEqual(
            (final.category.slug, final.link_quality, final.phase, final.within_agreement),
            ("samordning-projektledning", "insufficient", "planned", False),
        )
        self.assertFalse(InitiativeCoding.objects.filter(initiative=one).exists())

        rows = self.coder_agreement()
        self.assertEqual(
            list(rows),
            [
                "category",
                "effect_level",
                "effect_measured",
                "link_quality",
                "phase",
                "within_agreement",
            ],
        )
        self.assertEqual(
            set(rows["category"]), {"dimension", "coders", "units", "agreement", "kappa", "alpha"}
        )
        category = rows["category"]
        self.assertEqual(
            (category["coders"], category["units"], category["agreement"]), (2, 2, 0.5)
        )
        # anna a a, X a b: po = .5, pe = (2·1 + 0·1)/4 = .5: kappa 0.
        self.assertEqual(category["kappa"], 0.0)
        # o_aa = 2, o_ab = o_ba = 1, n_a = 3, n_b = 1, n = 4: alpha = 1 - 3·2/6 = 0.
        self.assertAlmostEqual(category["alpha"], 0.0)
        self.assertEqual(rows["effect_level"]["agreement"], 0.0)
        self.assertEqual(rows["phase"]["units"], 0)
        self.assertIsNone(rows["phase"]["kappa"])

    def test_kappa_null_with_three_coders(self):
        one = self.initiatives[0]
        text = HEADER + self.row(one, "anna") + self.row(one, "berit") + self.row(one, "Extern")
        call_command("import_codings", self.write(text), stdout=StringIO())
        category = self.coder_agreement()["category"]
        self.assertEqual(
            (category["coders"], category["units"], category["agreement"]), (3, 1, 1.0)
        )
        self.assertIsNone(category["kappa"])

    def test_bad_rows_all_listed_nothing_written(self):
        one = self.initiatives[0]
        org = one.report.organisation
        text = HEADER + "".join(
            [
                self.row(one, "anna"),
                self.row(one, "anna"),
                self.row(one, "", "kunskap-kompetens"),
                self.row(one, "berit", "finns-inte"),
                self.row(one, "berit2", "kunskap-kompetens", "hog,kanske,,,"),
                f"2020,suicidprevention,{org.kind},{org.code},saknas,anna,,,,,,\n",
                "2020,suicidprevention,planet,01,x,anna,,,,,,\n",
            ]
        )
        with self.assertRaises(CommandError) as raised:
            call_command("import_codings", self.write(text), stdout=StringIO())
        self.assertEqual(raised.exception.returncode, 2)
        message = str(raised.exception)
        for expected in [
            "Rad 3:",
            "Rad 4: kodaren saknas",
            "Rad 5: okänd kategori",
            "Rad 6: effect_level",
            "Rad 6: effect_measured",
            "Rad 7:",
            "Rad 8: okänd organisationstyp",
        ]:
            self.assertIn(expected, message)
        self.assertFalse(CoderCode.objects.exists())

    def test_second_coder_of_a_sample(self):
        one = self.initiatives[0]
        draw_sample(self.part, 1, self.berit, number=6)
        text = HEADER + self.row(one, "anna") + self.row(one, "berit", "samordning-projektledning")
        call_command("import_codings", self.write(text), stdout=StringIO())
        self.assertEqual(CoderCode.objects.get(coder=self.berit).role, CoderRole.SECOND)
        self.assertEqual(CoderCode.objects.get(coder=self.anna).role, CoderRole.FIRST)
        # Two rows for the initiative: neither becomes the final coding by itself.
        self.assertFalse(InitiativeCoding.objects.filter(initiative=one).exists())

    def test_bad_header(self):
        with self.assertRaises(CommandError) as raised:
            call_command("import_codings", self.write("year,part\n2020,x\n"), stdout=StringIO())
        self.assertEqual(raised.exception.returncode, 2)
        self.assertIn("kolumnerna", str(raised.exception))

    def test_unknown_part(self):
        with self.assertRaises(CommandError) as raised:
            call_command(
                "coding_agreement", "--year", "2020", "--part", "finns-inte", stdout=StringIO()
            )
        self.assertEqual(raised.exception.returncode, 2)
