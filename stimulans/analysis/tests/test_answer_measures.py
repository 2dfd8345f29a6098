"""Decimal and date questions in the answers: the sum and mean of the decimals, the earliest
and latest date, counted by hand from the reports below (a draft and bad values left out)."""

from pathlib import Path

from django.urls import reverse

from stimulans.reporting.xlsform import parse_xlsform

from ..answers import answers_json, compare_answers, part_answers
from ..plain import plain
from .helpers import AnalysisTestCase, county_org, make_report
from .test_answers import install

FORM = Path(__file__).resolve().parent / "fixtures" / "answers-measures-form.md"


class DecimalAndDateAnswersTest(AnalysisTestCase):
    """| county | status    | share_staff | started_on  | plan |
    |--------|-----------|-------------|-------------|------|
    | 01     | submitted | 1,5         | 2020-03-01  | yes  |
    | 03     | approved  | 2.25        | 2020-01-15  |      |
    | 04     | submitted | (nothing)   | not a date  |      |
    | 05     | draft     | 100         | 2019-01-01  | no   |
    | 06     | submitted | x           | 2020-11-30  |      |
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        install(cls.suicide_pot, parse_xlsform(FORM.read_bytes(), FORM.name))
        rows = [
            ("01", "submitted", {"share_staff": "1,5", "started_on": "2020-03-01", "plan": "yes"}),
            ("03", "approved", {"share_staff": "2.25", "started_on": "2020-01-15"}),
            ("04", "submitted", {"started_on": "not a date"}),
            ("05", "draft", {"share_staff": "100", "started_on": "2019-01-01", "plan": "no"}),
            ("06", "submitted", {"share_staff": "x", "started_on": "2020-11-30"}),
        ]
        for code, status, answers in rows:
            make_report(county_org(code), cls.suicide_pot, status, answers=answers)

    def questions(self):
        data = answers_json(self.suicide_pot.part)
        pot = next(p for p in data["pots"] if p["org_kind"] == "county")
        return {q["question"]: q for q in pot["questions"]}

    def test_decimal_sum_and_mean(self):
        q = self.questions()["share_staff"]
        # 1,5 + 2.25 (the draft's 100 and the bad "x" are not counted).
        self.assertEqual(
            q,
            {
                "question": "share_staff",
                "type": "decimal",
                "answered": 2,
                "choices": None,
                "sum": None,
                "decimal_sum": "3.75",
                "mean": "1.88",
            },
        )

    def test_date_count_earliest_and_latest(self):
        q = self.questions()["started_on"]
        self.assertEqual(
            (q["answered"], q["earliest"], q["latest"]), (3, "2020-01-15", "2020-11-30")
        )

    def test_the_select_question_keeps_the_contract(self):
        q = self.questions()["plan"]
        self.assertEqual(
            q,
            {
                "question": "plan",
                "type": "select_one",
                "answered": 1,
                "choices": [{"choice": "yes", "actors": 1}, {"choice": "no", "actors": 0}],
                "sum": None,
            },
        )

    def test_the_page_shows_them_in_swedish(self):
        comparison = plain(compare_answers(part_answers(self.suicide_pot.part), None))
        pot = next(p for p in comparison["pots"] if p["pot"]["org_kind"] == "county")
        rows = {q["figures"]["question"]: q["rows"] for q in pot["questions"]}
        self.assertEqual(
            [(r["label"], r["value"], r["shown"]) for r in rows["share_staff"]],
            [("Har svarat", 2, None), ("Summa", None, "3,75"), ("Medelvärde", None, "1,88")],
        )
        self.assertEqual([r["shown"] for r in rows["started_on"][1:]], ["2020-01-15", "2020-11-30"])
        self.login(self.anna)
        response = self.client.get(
            reverse("analysis:part_answers", args=[2020, self.suicide_pot.part.slug])
        )
        self.assertContains(response, '<td class="num">3,75</td>', html=False)
        self.assertContains(response, "Medelvärde")
