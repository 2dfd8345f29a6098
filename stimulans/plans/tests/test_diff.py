from stimulans.plans.diff import ADDED, CHANGED, REMOVED, diff_plans
from stimulans.plans.models import Activity, Goal, NeedsSection, Participation
from stimulans.plans.services import plan_change

from .base import PlanTestCase


class DiffTest(PlanTestCase):
    def test_identical_versions_have_no_differences(self):
        self.assertEqual(diff_plans(self.published, self.draft), [])

    def test_it_shows_what_was_added_changed_and_removed(self):
        with plan_change(self.draft) as plan:
            NeedsSection.objects.create(plan=plan, title="Barn och unga", body="Nuläget 2021")
            area = plan.areas.get(title="Kunskap och kompetens")
            Goal.objects.create(plan=plan, area=area, term="short", text="Nytt kortsiktigt mål")
            changed = plan.activities.get(area=area, kind="prioritised", number=1)
            changed.kind = "prioritised"
            changed.conditional = False
            changed.save()
            plan.activities.get(area=area, kind="ongoing", number=2).delete()
            Participation.objects.create(
                plan=plan, organisation="NSPH Stockholms län", kind="umbrella", mode="revision"
            )
        changes = diff_plans(self.published, self.draft)
        summary = {(c.change, c.where, c.field) for c in changes}
        self.assertIn((ADDED, "Nulägesanalys: Barn och unga", ""), summary)
        self.assertIn((ADDED, "Kortsiktigt mål (Kunskap och kompetens)", ""), summary)
        self.assertIn(
            (CHANGED, "Aktivitet prioriterad 1 (Kunskap och kompetens)", "villkorad"), summary
        )
        self.assertIn((REMOVED, "Aktivitet löpande 2 (Kunskap och kompetens)", ""), summary)
        self.assertIn((ADDED, "Brukarmedverkan: NSPH Stockholms län", ""), summary)
        self.assertEqual(len(changes), 5)
        changed = next(c for c in changes if c.change == CHANGED)
        self.assertEqual((changed.before, changed.after), ("ja", ""))
        # And the other way round.
        back = {(c.change, c.where) for c in diff_plans(self.draft, self.published)}
        self.assertIn((REMOVED, "Nulägesanalys: Barn och unga"), back)
        self.assertIn((ADDED, "Aktivitet löpande 2 (Kunskap och kompetens)"), back)

    def test_it_shows_changed_goal_links(self):
        with plan_change(self.draft) as plan:
            activity = Activity.objects.get(plan=plan, area__title="Skolan som arena", number=1)
            activity.goals.set(activity.area.goals.filter(term="long"))
        changes = diff_plans(self.published, self.draft)
        self.assertEqual(
            [(c.change, c.field, c.after) for c in changes], [(CHANGED, "mål", "long-1")]
        )

    def test_a_renumbered_activity_is_one_change_and_codes_are_shown_as_labels(self):
        with plan_change(self.draft) as plan:
            activity = plan.activities.get(area__title="Skolan som arena", number=4)
            activity.kind = "prioritised"
            activity.number = 1
            activity.status = "ongoing"
            activity.save()
            plan.adopted_by = "politicians"
            plan.save()
        changes = diff_plans(self.published, self.reload(self.draft))
        rows = {(c.change, c.field, c.before, c.after) for c in changes}
        self.assertIn((CHANGED, "typ och nummer", "löpande 4", "prioriterad 1"), rows)
        self.assertIn((CHANGED, "status", "Planerad", "Pågående"), rows)
        self.assertIn((ADDED, "", "", "antagen av: Politiker"), rows)
        self.assertEqual(len(changes), 3, changes)
