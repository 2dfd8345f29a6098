"""The answers to a pot's own questions, against figures computed by hand from the reports
built here, with the small questionnaire in fixtures/answers-form.md."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

from stimulans.reporting.answer_import import import_answers
from stimulans.reporting.models import Questionnaire
from stimulans.reporting.questionnaires.loader import QUESTIONNAIRE_DIR, install_questionnaire
from stimulans.reporting.xlsform import parse_xlsform

from ..answers import answers_json, compare_answers, part_answers, previous_part
from .helpers import AnalysisTestCase, county_org, make_report, previous_year_pot

FORM = Path(__file__).resolve().parent / "fixtures" / "answers-form.md"
ANSWER_FIXTURES = Path(__file__).resolve().parents[2] / "reporting" / "tests" / "fixtures"


def fixture_definition():
    return parse_xlsform(FORM.read_bytes(), FORM.name)


def install(pot, definition):
    return Questionnaire.objects.create(
        pot=pot, title="Testenkät", xlsform=b"", xlsform_name=FORM.name, definition=definition
    )


def without(definition, name):
    """The definition with the question `name` left out."""
    return {
        **definition,
        "children": [c for c in definition["children"] if c.get("name") != name],
    }


class AnswersTestCase(AnalysisTestCase):
    """Five county reports in the suicide prevention pot, with the answers below:

    | county | status    | funds_used | disruption | support_needed   | staff  | description   |
    |--------|-----------|------------|------------|------------------|--------|---------------|
    | 01     | submitted | 100        | pandemic   | knowledge data   | 3      | Distansmöten  |
    | 03     | approved  |            | no         | data             | 1 200  |               |
    | 04     | submitted |            |            |                  |        | (nothing)     |
    | 05     | draft     | 999        | other      | networks         | 50     | Utkast        |
    | 06     | submitted |            | gone (old) | "networks none"  | x      | "   "         |
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.definition = fixture_definition()
        install(cls.suicide_pot, cls.definition)
        pot = cls.suicide_pot
        make_report(
            county_org("01"),
            pot,
            funds_used_sek=100,
            answers={
                "disruption": "pandemic",
                "disruption_description": "Distansmöten",
                "support_needed": ["knowledge", "data"],
                "staff_count": "3",
            },
        )
        make_report(
            county_org("03"),
            pot,
            "approved",
            answers={"disruption": "no", "support_needed": ["data"], "staff_count": "1 200"},
        )
        make_report(county_org("04"), pot)
        make_report(
            county_org("05"),
            pot,
            "draft",
            funds_used_sek=999,
            answers={
                "disruption": "other",
                "support_needed": ["networks"],
                "staff_count": "50",
                "disruption_description": "Utkast",
            },
        )
        make_report(
            county_org("06"),
            pot,
            answers={
                "disruption": "gone",
                "support_needed": "networks none",
                "staff_count": "x",
                "disruption_description": "   ",
            },
        )


def figures(result, kind="county"):
    pot = next(p for p in result.pots if p.org_kind == kind)
    return pot, {q.question: q for q in pot.questions}


class AggregateAnswersTest(AnswersTestCase):
    def test_counts_per_choice_answered_and_sums(self):
        # Pots, their measures, questionnaires, reports (no measure questions here).
        with self.assertNumQueries(4):
            result = part_answers(self.suicide)
        pot, q = figures(result)
        self.assertEqual(pot.reporting_actors, 4)  # 01, 03, 04, 06; not the draft
        # Questionnaire order, the repeat's questions and the note left out.
        self.assertEqual(list(q), ["funds_used_sek", "disruption", "support_needed", "staff_count"])
        self.assertEqual(q["funds_used_sek"].answered, 1)
        self.assertEqual(q["funds_used_sek"].sum, 100)
        self.assertIsNone(q["funds_used_sek"].choices)
        # 06's "gone" is no choice of the list: not counted as answered.
        self.assertEqual(q["disruption"].answered, 2)
        self.assertEqual(
            [(c.choice, c.actors) for c in q["disruption"].choices],
            [("no", 1), ("pandemic", 1), ("other", 0)],
        )
        self.assertIsNone(q["disruption"].sum)
        self.assertEqual(q["support_needed"].type, "select_multiple")
        self.assertEqual(q["support_needed"].answered, 3)
        self.assertEqual(
            [(c.choice, c.label, c.actors) for c in q["support_needed"].choices],
            [
                ("knowledge", "Kunskapsstöd", 1),
                ("data", "Data", 2),
                ("networks", "Nätverk", 1),
                ("none", "Inget stöd behövs", 1),
            ],
        )
        # "x" is not a number; "1 200" is.
        self.assertEqual((q["staff_count"].answered, q["staff_count"].sum), (2, 1203))

    def test_free_text_listed_with_the_organisation(self):
        pot, _q = figures(part_answers(self.suicide))
        [texts] = pot.texts
        self.assertEqual(texts.question, "disruption_description")
        self.assertEqual(texts.total, 1)
        self.assertEqual(
            [(a.organisation, a.organisation_code, a.text) for a in texts.answers],
            [(county_org("01").name, "01", "Distansmöten")],
        )

    def test_visible_counties_limit_only_the_texts(self):
        pot, q = figures(part_answers(self.suicide, visible={"03"}))
        self.assertEqual(pot.texts[0].answers, [])
        self.assertEqual(pot.reporting_actors, 4)
        self.assertEqual(q["staff_count"].sum, 1203)

    def test_county_filter(self):
        pot, q = figures(part_answers(self.suicide, county="03"))
        self.assertEqual(pot.reporting_actors, 1)
        self.assertEqual([c.actors for c in q["disruption"].choices], [1, 0, 0])
        self.assertEqual(q["staff_count"].sum, 1200)
        self.assertEqual(pot.texts[0].total, 0)

    def test_pot_without_questionnaire_or_reports(self):
        result = part_answers(self.youth)
        self.assertEqual([p.org_kind for p in result.pots], ["region", "county"])
        self.assertEqual([(p.reporting_actors, p.questions) for p in result.pots], [(0, [])] * 2)


class JsonContractTest(AnswersTestCase):
    EXPECTED = {
        "year": 2020,
        "part": "suicidprevention",
        "pots": [
            {
                "org_kind": "county",
                "reporting_actors": 4,
                "questions": [
                    {
                        "question": "funds_used_sek",
                        "type": "integer",
                        "answered": 1,
                        "choices": None,
                        "sum": 100,
                    },
                    {
                        "question": "disruption",
                        "type": "select_one",
                        "answered": 2,
                        "choices": [
                            {"choice": "no", "actors": 1},
                            {"choice": "pandemic", "actors": 1},
                            {"choice": "other", "actors": 0},
                        ],
                        "sum": None,
                    },
                    {
                        "question": "support_needed",
                        "type": "select_multiple",
                        "answered": 3,
                        "choices": [
                            {"choice": "knowledge", "actors": 1},
                            {"choice": "data", "actors": 2},
                            {"choice": "networks", "actors": 1},
                            {"choice": "none", "actors": 1},
                        ],
                        "sum": None,
                    },
                    {
                        "question": "staff_count",
                        "type": "integer",
                        "answered": 2,
                        "choices": None,
                        "sum": 1203,
                    },
                ],
            }
        ],
    }

    def test_answers_json(self):
        data = answers_json(self.suicide)
        self.assertEqual(data, self.EXPECTED)
        self.assertEqual(json.loads(json.dumps(data)), data)

    def test_command_prints_it(self):
        out = StringIO()
        call_command(
            "analyse_answers",
            "--year",
            "2020",
            "--part",
            "suicidprevention",
            "--format",
            "json",
            stdout=out,
        )
        self.assertEqual(json.loads(out.getvalue()), self.EXPECTED)

    def test_command_county(self):
        out = StringIO()
        call_command(
            "analyse_answers",
            "--year",
            "2020",
            "--part",
            "suicidprevention",
            "--county",
            "01",
            stdout=out,
        )
        self.assertEqual(json.loads(out.getvalue())["pots"][0]["reporting_actors"], 1)

    def test_unknown_year_or_part(self):
        for args in (
            ["--year", "1999", "--part", "suicidprevention"],
            ["--year", "2020", "--part", "nej"],
            ["--year", "tjugo", "--part", "suicidprevention"],
        ):
            with self.assertRaises(CommandError) as ctx:
                call_command("analyse_answers", *args, stdout=StringIO())
            self.assertEqual(ctx.exception.returncode, 2)
            self.assertTrue(str(ctx.exception))


class PreviousYearTest(AnswersTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot_2019 = previous_year_pot("suicidprevention", "county", 2019)
        install(pot_2019, without(cls.definition, "staff_count"))
        make_report(
            county_org("01"),
            pot_2019,
            answers={"disruption": "no", "support_needed": ["none"], "staff_count": "10"},
        )

    def test_side_by_side_with_the_change(self):
        previous = previous_part(self.suicide)
        self.assertEqual((previous.agreement.year, previous.slug), (2019, "suicidprevention"))
        compared = compare_answers(part_answers(self.suicide), part_answers(previous))
        [pot] = compared.pots
        self.assertEqual(
            (pot.reporting.value, pot.reporting.previous, pot.reporting.change), (4, 1, 3)
        )
        rows = {q.figures.question: q.rows for q in pot.questions}
        self.assertEqual(
            [(r.label, r.value, r.previous, r.change) for r in rows["disruption"]],
            [
                ("Nej", 1, 1, 0),
                ("Ja, av pandemin", 1, 0, 1),
                ("Ja, av annat", 0, 0, 0),
                ("Har svarat", 2, 1, 1),
            ],
        )
        self.assertEqual(rows["disruption"][0].share, 0.5)
        self.assertEqual(
            [(r.value, r.previous, r.change) for r in rows["support_needed"]],
            [(1, 0, 1), (2, 0, 2), (1, 0, 1), (1, 1, 0), (3, 1, 2)],
        )
        # 2019's questionnaire had no staff_count: nothing to compare with.
        self.assertEqual(
            [(r.label, r.value, r.previous, r.change) for r in rows["staff_count"]],
            [("Har svarat", 2, None, None), ("Summa", 1203, None, None)],
        )

    def test_no_previous_year(self):
        compared = compare_answers(part_answers(self.suicide), None)
        self.assertIsNone(compared.previous)
        self.assertEqual(
            [r.previous for q in compared.pots[0].questions for r in q.rows], [None] * 13
        )
        self.assertIsNone(previous_part(self.youth))


class ImportedAnswersTest(AnalysisTestCase):
    """Answers imported with `import-answers` into the regions' child and youth pot (with its
    2020 questionnaire), counted: choices, report columns and measures."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        path = QUESTIONNAIRE_DIR / "2020" / "barn-unga--region.xlsx"
        install_questionnaire(cls.youth_region_pot, path.read_bytes(), path.name)
        import_answers((ANSWER_FIXTURES / "answers-2020.csv").read_bytes())

    def test_imported_answers_are_counted(self):
        pot = next(p for p in answers_json(self.youth)["pots"] if p["org_kind"] == "region")
        self.assertEqual(pot["reporting_actors"], 2)
        q = {x["question"]: x for x in pot["questions"]}

        def choices(name):
            return [(c["choice"], c["actors"]) for c in q[name]["choices"]]

        self.assertEqual(choices("disruption"), [("no", 1), ("pandemic", 1), ("other", 0)])
        self.assertEqual(
            choices("support_needed"),
            [("knowledge", 1), ("data", 1), ("networks", 0), ("training", 0), ("none", 1)],
        )
        self.assertEqual(
            choices("youth_target_groups"), [("0-5", 0), ("6-12", 0), ("13-17", 1), ("18-24", 1)]
        )
        self.assertEqual(q["youth_target_groups"]["answered"], 1)
        # Nobody answered: every choice 0.
        self.assertEqual(
            (q["participation_goals"]["answered"], choices("participation_goals")),
            (0, [("yes", 0), ("no", 0)]),
        )
        self.assertEqual(
            (q["youth_clinics_count"]["answered"], q["youth_clinics_count"]["sum"]), (2, 1204)
        )
        # The funds question is the report's column, the BUP question its measure.
        self.assertEqual(
            (q["funds_used_sek"]["answered"], q["funds_used_sek"]["sum"]), (1, 5_000_000)
        )
        self.assertEqual(
            (q["funds_received_sek"]["answered"], q["funds_received_sek"]["sum"]), (0, 0)
        )
        self.assertEqual(
            (
                q["bup_first_assessment_children"]["answered"],
                q["bup_first_assessment_children"]["sum"],
            ),
            (1, 300),
        )
        self.assertNotIn("disruption_description", q)  # free text is not in the JSON
        self.assertNotIn("category", q)  # nor the initiatives' questions
