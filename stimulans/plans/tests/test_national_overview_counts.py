from stimulans.organisations.models import County
from stimulans.plans.models import Participation
from stimulans.plans.services import (
    PlanState,
    create_plan,
    national_overview,
    plan_change,
    publish,
    save_plan_fields,
)

from .base import PlanTestCase


class NationalOverviewCountsTest(PlanTestCase):
    def test_it_counts_current_older_and_missing_plans(self):
        # Stockholm: published 2021 (current), a 2021 draft does not count.
        # Uppsala: published 2020 only (older). Södermanland: a draft only (none).
        uppsala = County.objects.get(code="03")
        old = create_plan("county", uppsala, 2020, title="Plan 2020")
        with plan_change(old) as plan:
            plan.sections.create(title="Nuläge")
            plan.adopted_by = "politicians"
            plan.save()
            Participation.objects.create(
                plan=plan, organisation="RSMH Uppsala", kind="user", mode="commented"
            )
        publish(old, self.otto)
        create_plan("county", County.objects.get(code="04"), 2021)
        save_plan_fields(self.draft, self.reload(self.draft).lock_version, adopted_by="")

        rows, counts = national_overview(2021)
        self.assertEqual(len(rows), 21)
        self.assertEqual(counts[PlanState.CURRENT], 1)
        self.assertEqual(counts[PlanState.OLDER], 1)
        self.assertEqual(counts[PlanState.NONE], 19)
        by_code = {r["county"].code: r for r in rows}
        stockholm = by_code["01"]
        self.assertEqual(stockholm["plan"], self.published)
        self.assertEqual(stockholm["activities"], 15)
        self.assertEqual(
            [(a.title, n) for a, n in stockholm["areas"]],
            [
                ("Barn och unga 0–24 år", 8),
                ("Gemensam tvärsektoriell ledning, styrning och utveckling", 4),
                ("Kunskap och kompetens", 3),
            ],
        )
        self.assertEqual(stockholm["participation"], "")
        uppsala_row = by_code["03"]
        self.assertEqual(uppsala_row["state"], PlanState.OLDER)
        self.assertEqual(uppsala_row["adopted_by"], "politicians")
        self.assertEqual(uppsala_row["participation"], "commented")
        self.assertEqual(by_code["04"]["state"], PlanState.NONE)
        self.assertEqual(counts["adopted_by:politicians"], 1)
        self.assertEqual(counts["adopted_by:unknown"], 1)
        self.assertEqual(counts["participation:commented"], 1)
        self.assertEqual(counts["participation:none"], 1)

    def test_revision_beats_comments_afterwards(self):
        with plan_change(self.draft) as plan:
            Participation.objects.create(
                plan=plan, organisation="NSPH", kind="umbrella", mode="revision"
            )
            Participation.objects.create(
                plan=plan, organisation="Attention", kind="user", mode="commented"
            )
            plan.adopted_by = "senior_officials"
            plan.save()
        publish(self.draft, self.cora)
        rows, counts = national_overview(2021)
        self.assertEqual(rows[0]["plan"], self.reload(self.draft))
        self.assertEqual(rows[0]["participation"], "revision")
        self.assertEqual(counts["adopted_by:senior_officials"], 1)
        # The year before, Stockholm had no plan.
        _rows, counts_2020 = national_overview(2020)
        self.assertEqual(counts_2020[PlanState.NONE], 21)
