from django.db import IntegrityError, transaction

from stimulans.plans.models import (
    ActionPlan,
    Activity,
    Area,
    Decision,
    NeedsSection,
    PlanFrozen,
    PlanStatus,
)
from stimulans.plans.services import (
    ConcurrentEdit,
    PlanError,
    copy_to_next_year,
    plan_change,
    previous_version,
    publish,
    save_plan_fields,
    start_new_version,
)

from .base import PlanTestCase


class VersioningTest(PlanTestCase):
    def test_a_published_version_cannot_change(self):
        plan = self.reload(self.published)
        plan.purpose = "Ändrat"
        with self.assertRaises(PlanFrozen):
            plan.save()
        with self.assertRaises(PlanFrozen):
            plan.delete()
        activity = plan.activities.first()
        activity.title = "Ändrad"
        with self.assertRaises(PlanFrozen):
            activity.save()
        with self.assertRaises(PlanFrozen):
            activity.delete()
        with self.assertRaises(PlanFrozen), transaction.atomic():
            activity.goals.clear()
        with self.assertRaises(PlanFrozen):
            Area.objects.create(plan=plan, title="Nytt område")
        with self.assertRaises(PlanFrozen):
            NeedsSection.objects.create(plan=plan, title="Nytt avsnitt")
        with self.assertRaises(PlanError):
            save_plan_fields(plan, plan.lock_version, purpose="Ändrat")
        self.assertEqual(self.reload(self.published).purpose, self.published.purpose)
        self.assertNotEqual(Activity.objects.get(pk=activity.pk).title, "Ändrad")

    def test_a_new_version_is_a_copy_of_the_last(self):
        draft = self.draft
        self.assertEqual(draft.status, PlanStatus.DRAFT)
        self.assertEqual((draft.year, draft.version), (2021, 5))
        self.assertEqual(draft.based_on, self.published)
        self.assertEqual(previous_version(draft), self.published)
        for name in ("areas", "goals", "activities"):
            self.assertEqual(
                getattr(draft, name).count(), getattr(self.published, name).count(), name
            )
        self.assertEqual(draft.activities.count(), 15)
        # The copies belong to the draft, the published version keeps its own.
        self.assertFalse(draft.areas.filter(pk__in=self.published.areas.values("pk")).exists())

    def test_only_one_draft_per_county_and_year(self):
        with self.assertRaises(PlanError):
            start_new_version(self.published)
        with self.assertRaises(IntegrityError), transaction.atomic():
            ActionPlan.objects.create(
                county=self.draft.county, year=2021, version=99, status=PlanStatus.DRAFT
            )

    def test_next_years_draft_starts_as_a_copy_without_the_decisions(self):
        with plan_change(self.draft) as plan:
            Decision.objects.create(plan=plan, decided_on="2021-03-01", text="Antogs")
        publish(self.draft, self.cora)
        next_year = copy_to_next_year(self.reload(self.draft))
        self.assertEqual((next_year.year, next_year.version), (2022, 6))
        self.assertEqual(next_year.activities.count(), 15)
        self.assertEqual(next_year.decisions.count(), 0)
        self.assertEqual(next_year.purpose, self.published.purpose)

    def test_publishing_freezes_the_draft(self):
        publish(self.draft, self.cora)
        draft = self.reload(self.draft)
        self.assertTrue(draft.is_published)
        self.assertEqual(draft.published_by, self.cora)
        with self.assertRaises(PlanError):
            publish(draft, self.cora)

    def test_concurrent_edits_are_refused(self):
        seen = self.reload(self.draft).lock_version
        save_plan_fields(self.draft, seen, purpose="Första ändringen")
        with self.assertRaises(ConcurrentEdit):
            save_plan_fields(self.draft, seen, purpose="Andra ändringen, på gammal grund")
        self.assertEqual(self.reload(self.draft).purpose, "Första ändringen")

    def test_changes_are_kept_in_history(self):
        save_plan_fields(self.draft, self.reload(self.draft).lock_version, purpose="Nytt syfte")
        purposes = [h.purpose for h in self.reload(self.draft).history.all()]
        self.assertIn("Nytt syfte", purposes)
        self.assertIn(self.published.purpose, purposes)

    def test_the_national_list_uses_the_same_model(self):
        plan = self.national_plan(
            overall_goals=[
                "Ett mer hälsofrämjande samhälle",
                "Individer rustade att nå sin fulla potential",
                "Varaktigt stöd till dem som behöver det",
            ]
        )
        goal_a = Area.objects.create(plan=plan, code="A", title="Mål A")
        Activity.objects.create(
            plan=plan, area=goal_a, kind="commitment", number=1, title="Åtagande", actor="skr"
        )
        publish(plan, self.adam)
        copy = start_new_version(self.reload(plan))
        self.assertIsNone(copy.county)
        self.assertEqual(copy.version, 2)
        self.assertEqual(copy.activities.get().actor, "skr")

    def test_an_empty_plan_is_not_published(self):
        from stimulans.plans.services import create_plan

        plan = create_plan("county", self.county_uppsala.county, 2021)
        with self.assertRaises(PlanError):
            publish(plan, self.otto)

    def test_recent_changes_list_what_happened_to_the_draft(self):
        from stimulans.plans.services import recent_changes

        with plan_change(self.draft) as plan:
            Decision.objects.create(plan=plan, decided_on="2021-03-01", text="Antogs")
            plan.activities.get(area__title="Skolan som arena", number=4).delete()
        changes = recent_changes(self.draft)
        self.assertEqual(changes[0]["change"], "removed")
        self.assertIn("Följa och sprida erfarenheter", changes[0]["item"])
        self.assertEqual(changes[1]["change"], "added")
        self.assertEqual(str(changes[1]["what"]), "beslut")
