"""Demo content for plans (`stimulans demo`): Stockholm county's 2021 plan, version 4,
published, with the county's organisation for the work, a goal with a target value, and a few
of the county's 2021 initiatives naming the prioritised activities they carry out (so the plan
page follows them to their effects). Idempotent."""

import datetime
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from stimulans.funds.services import DATA_DIR as FUNDS_DATA_DIR
from stimulans.reporting.models import Initiative

from .models import ActionPlan, ActivityKind, AdoptedBy, PlanScope, SteeringMember
from .services import publish
from .yaml_import import import_plan_text

DATA_DIR = Path(__file__).resolve().parent / "data"
STOCKHOLM_PLAN_2021 = DATA_DIR / "stockholm-plan-2021.yaml"
STOCKHOLM_2020 = FUNDS_DATA_DIR / "stockholm-2020.yaml"
# The demo plan's dates belong to its cycle: adopted and published in 2021.
ADOPTED_BY = AdoptedBy.POLITICIANS  # VIS, the political group the plan names
ADOPTED_ON = datetime.date(2021, 3, 4)
PUBLISHED_ON = datetime.date(2021, 3, 8)


def stockholm_plan_text():
    return STOCKHOLM_PLAN_2021.read_text(encoding="utf-8")


@transaction.atomic
def load_demo_plans(users):
    """Load Stockholm's 2021 plan unless a plan for Stockholm 2021 already exists."""
    if ActionPlan.objects.filter(scope=PlanScope.COUNTY, county__code="01", year=2021).exists():
        return None
    plan = import_plan_text(stockholm_plan_text())
    organisation = yaml.safe_load(STOCKHOLM_2020.read_text(encoding="utf-8"))["organisation"]
    for order, name in enumerate(organisation.get("steering_group", [])):
        SteeringMember.objects.create(plan=plan, name=name, order=order)
    plan.political_anchor = organisation.get("political_anchor", "")
    plan.secretariat = organisation.get("secretariat", "")
    plan.network = organisation.get("network", "")
    plan.requires_child_participation = True
    # Adopted by the political group early in the plan's year (the plan names it).
    plan.adopted_by = ADOPTED_BY
    plan.adopted_on = ADOPTED_ON
    plan.save()
    goal = plan.goals.order_by("pk").first()
    goal.indicator_code = DEMO_GOAL_INDICATOR
    goal.target_percent = 80
    goal.save()
    publish(plan, users.get("samordnare-01"))
    # Published when it was adopted, not on the day the demo is loaded.
    published = timezone.make_aware(datetime.datetime.combine(PUBLISHED_ON, datetime.time(9)))
    ActionPlan.objects.filter(pk=plan.pk).update(published_at=published)
    plan.refresh_from_db()
    _link_initiatives(plan)
    return plan


DEMO_GOAL_INDICATOR = "bup.first_assessment.share_within_30_days"
LINKED_INITIATIVES = 4


def _link_initiatives(plan):
    """A few of the county's counted initiatives of the plan's year carry out its prioritised
    activities, as the reporters would have chosen in the form."""
    activities = list(plan.activities.filter(kind=ActivityKind.PRIORITISED).order_by("pk"))
    initiatives = (
        Initiative.objects.counted()
        .filter(
            report__organisation__county=plan.county,
            report__pot__part__agreement__year=plan.year,
        )
        .order_by("pk")[:LINKED_INITIATIVES]
    )
    for n, initiative in enumerate(initiatives):
        if activities:
            initiative.plan_activity = activities[n % len(activities)]
            initiative.save(update_fields=["plan_activity"])
