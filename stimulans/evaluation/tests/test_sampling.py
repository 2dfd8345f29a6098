from stimulans.evaluation.models import SampledUnit, UnitEvent
from stimulans.evaluation.sampling import SamplingError, candidates, draw_sample

from .base import StudyTestCase


class SamplingTests(StudyTestCase):
    def drawn(self):
        return sorted(self.study.units.filter(drawn=True).values_list("organisation_id", flat=True))

    def test_candidates_are_the_counted_reports_organisations(self):
        ids = candidates(self.study)
        self.assertEqual(len(ids), 6)
        self.assertNotIn(self.draft_org.pk, ids)

    def test_the_same_seed_draws_the_same_sample(self):
        draw_sample(self.study, 3, 7)
        first = self.drawn()
        self.assertEqual(len(first), 3)
        draw_sample(self.study, 3, 9)
        other = self.drawn()
        draw_sample(self.study, 3, 7)
        self.assertEqual(self.drawn(), first)
        self.assertNotEqual(other, first)  # seeds 7 and 9 draw different units of these six
        self.study.refresh_from_db()
        self.assertEqual((self.study.seed, self.study.sample_size), (7, 3))

    def test_hand_chosen_units_and_units_with_events_stay(self):
        hand = SampledUnit.objects.create(study=self.study, organisation=self.draft_org)
        draw_sample(self.study, 5, 1)
        unit = self.study.units.filter(drawn=True).first()
        UnitEvent.objects.create(unit=unit, year=2020, kind="event", text="Intervju")
        draw_sample(self.study, 1, 99)
        self.assertTrue(SampledUnit.objects.filter(pk=hand.pk).exists())
        self.assertTrue(SampledUnit.objects.filter(pk=unit.pk).exists())

    def test_a_sample_larger_than_the_candidates_is_refused(self):
        with self.assertRaisesMessage(SamplingError, "Urvalet kan vara 1–6 enheter"):
            draw_sample(self.study, 7, 1)
        self.assertEqual(self.study.units.count(), 0)
