"""The crosswalk of questions between years in the answers comparison (pure: no database)."""

from django.test import SimpleTestCase

from ..answers import ChoiceCount, PartAnswers, PotAnswers, QuestionFigures, compare_answers


def select(name, choices, answered=10):
    return QuestionFigures(
        name,
        "select_one",
        name.title(),
        answered,
        [ChoiceCount(c, c.title(), 5) for c in choices],
    )


def part(year, *questions):
    pot = PotAnswers(1, "region", "Regioner", 10, list(questions), [])
    return PartAnswers(year, "del", "Del", None, [pot])


class QuestionCrosswalkTest(SimpleTestCase):
    def compare(self, current, previous, crosswalk):
        (pot,) = compare_answers(current, previous, {1: crosswalk}).pots
        return {q.figures.question: q for q in pot.questions}

    def test_an_unchanged_question_continues_its_series(self):
        q = self.compare(
            part(2021, select("plan", ["yes", "no"])), part(2020, select("plan", ["yes", "no"])), {}
        )
        self.assertFalse(q["plan"].new_series)
        self.assertEqual(q["plan"].rows[0].previous, 5)

    def test_changed_choices_without_a_mapping_start_a_new_series(self):
        q = self.compare(
            part(2021, select("plan", ["yes", "no", "partly"])),
            part(2020, select("plan", ["yes", "no"])),
            {},
        )
        self.assertTrue(q["plan"].new_series)
        self.assertIsNone(q["plan"].rows[0].previous)

    def test_a_mapping_compares_a_changed_or_renamed_question(self):
        q = self.compare(
            part(2021, select("plan", ["yes", "no", "partly"]), select("strategy", ["yes"])),
            part(2020, select("plan", ["yes", "no"]), select("old_strategy", ["yes"])),
            {"plan": "plan", "strategy": "old_strategy"},
        )
        self.assertFalse(q["plan"].new_series)
        self.assertEqual(q["plan"].rows[0].previous, 5)
        self.assertEqual(q["strategy"].continues, "old_strategy")
        self.assertEqual(q["strategy"].rows[0].previous, 5)

    def test_a_mapping_to_nothing_is_a_new_series(self):
        q = self.compare(
            part(2021, select("plan", ["yes"])), part(2020, select("plan", ["yes"])), {"plan": ""}
        )
        self.assertTrue(q["plan"].new_series)
