from decimal import Decimal

import yaml

from stimulans.funds.services import load_agreement_2020
from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import ActionPlan, Activity, ActivityFund, Decision, Participation
from stimulans.plans.services import plan_change
from stimulans.plans.yaml_export import export_yaml, plan_to_data
from stimulans.plans.yaml_format import Loader, PlanImportError
from stimulans.plans.yaml_import import import_plan_text
from stimulans.test import BaseTestCase


def _without_export_keys(data):
    plan = dict(data["plan"])
    for key in ("scope", "status"):
        plan.pop(key)
    return {"plan": plan}


class YamlImportExportTest(BaseTestCase):
    def test_the_stockholm_plan_round_trips(self):
        reference = yaml.load(stockholm_plan_text(), Loader=Loader)
        plan = import_plan_text(stockholm_plan_text())
        self.assertEqual((plan.county.code, plan.year, plan.version), ("01", 2021, 4))
        self.assertEqual(plan.areas.count(), 5)
        self.assertEqual(plan.goals.count(), 22)
        self.assertEqual(plan.activities.count(), 15)
        self.assertEqual(plan.activities.filter(kind="prioritised").count(), 5)
        conditional = plan.activities.get(conditional=True)
        self.assertEqual(conditional.partners, ["APC", "CES"])
        self.assertEqual(str(plan.activities.get(starts__isnull=False).starts), "2021-12-01")
        exported = export_yaml(plan)
        first = plan_to_data(plan)
        # Export has the shape of the reference file: everything in it comes back unchanged.
        self.assertEqual(_without_export_keys(yaml.load(exported, Loader=Loader)), reference)
        # Import the export again: the same plan (same draft replaced, nothing duplicated).
        again = import_plan_text(exported)
        self.assertEqual(again.pk, plan.pk)
        self.assertEqual(plan_to_data(again), first)
        self.assertEqual(export_yaml(again), exported)
        self.assertEqual(Activity.objects.filter(plan=plan).count(), 15)
        self.assertEqual(ActionPlan.objects.count(), 1)

    def test_a_full_plan_round_trips(self):
        load_agreement_2020()
        plan = import_plan_text(stockholm_plan_text())
        with plan_change(plan) as p:
            p.adopted_by = "politicians"
            p.adopted_on = "2021-02-15"
            p.political_anchor = "VIS"
            p.save()
            Decision.objects.create(plan=p, decided_on="2021-02-01", text="Styrgruppen beslutade")
            Participation.objects.create(
                plan=p, organisation="NSPH Stockholms län", kind="umbrella", mode="revision"
            )
            activity = p.activities.get(area__title="Skolan som arena", number=1)
            activity.goals.set(activity.area.goals.all())
            activity.indicator_codes = ["skolnarvaro"]
            activity.subtasks = ["Kartlägga", "Sprida"]
            activity.save()
            ActivityFund.objects.create(
                activity=activity,
                pot=plan_pot(),
                amount_sek=250000,
            )
        exported = export_yaml(plan)
        self.assertIn("pot: 2020/", exported)
        again = import_plan_text(exported)
        self.assertEqual(plan_to_data(again), plan_to_data(plan))
        activity = again.activities.get(area__title="Skolan som arena", number=1)
        self.assertEqual(activity.goals.count(), 3)
        self.assertEqual(activity.funds.get().amount_sek, 250000)

    def test_errors_name_the_line_and_field_and_nothing_is_saved(self):
        text = stockholm_plan_text().replace("kind: löpande, no: 2,", "kind: ofta, no: 2,", 1)
        text = text.replace("year: 2021", 'year: "tjugo"', 1)
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text(text)
        errors = ctx.exception.errors
        self.assertEqual(len(errors), 2, errors)
        self.assertIn("Rad 8, plan.year", errors[0])
        self.assertIn("Rad 37, plan.areas[0].subareas[0].activities[3].kind", errors[1])
        self.assertIn("ofta", errors[1])
        self.assertEqual(ActionPlan.objects.count(), 0)

    def test_unknown_county_goal_and_pot_are_refused(self):
        text = stockholm_plan_text().replace('county_code: "01"', 'county_code: "99"')
        text = text.replace(
            'title: "Sprida metoder för främjande av psykisk hälsa hos unga"',
            'title: "Sprida", goals: [long-9], funds: [{pot: 1999/x/region}]',
        )
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text(text)
        messages = "\n".join(ctx.exception.errors)
        self.assertIn("länet ”99” finns inte", messages)
        self.assertIn("long-9", messages)
        self.assertIn("1999/x/region", messages)

    def test_bad_yaml_is_refused_with_its_line(self):
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text("plan:\n  year: [2021\n  version: 1\n")
        self.assertIn("Rad", ctx.exception.errors[0])

    def test_a_published_version_is_not_replaced(self):
        from stimulans.plans.services import publish

        publish(import_plan_text(stockholm_plan_text()), self.cora)
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text(stockholm_plan_text())
        self.assertIn("publicerad", ctx.exception.errors[0])


def plan_pot():
    from stimulans.funds.models import Pot

    return Pot.objects.filter(part__agreement__year=2020, recipient_kind="county").first()


NATIONAL = """
plan:
  scope: national
  year: 2021
  title: "Nationell initiativlista 2020–2030"
  overall_goals:
    - "Ett mer hälsofrämjande samhälle"
    - "Individer rustade att nå sin fulla potential"
    - "Varaktigt stöd till dem som behöver det"
  areas:
    - code: "A"
      title: "Mål A"
      long_term_goals: ["Långsiktigt mål A"]
      activities:
        - {kind: initiativ, no: 1, title: "Initiativ", actor: skr, goals: [long-1]}
        - {kind: initiativ, no: 2, title: "Statens initiativ", actor: state}
        - {kind: åtagande, no: 1, title: "Civilsamhällets åtagande", actor: civil_society}
"""


class NationalListYamlTest(BaseTestCase):
    def test_the_national_list_round_trips(self):
        plan = import_plan_text(NATIONAL)
        self.assertEqual((plan.scope, plan.county, plan.version), ("national", None, 1))
        self.assertEqual(
            sorted(plan.activities.values_list("actor", flat=True)),
            ["civil_society", "skr", "state"],
        )
        exported = export_yaml(plan)
        self.assertNotIn("county_code", exported)
        again = import_plan_text(exported)
        self.assertEqual(again.pk, plan.pk)
        self.assertEqual(plan_to_data(again), plan_to_data(plan))

    def test_county_kinds_are_refused_in_the_national_list(self):
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text(NATIONAL.replace("kind: åtagande", "kind: löpande"))
        self.assertIn("Rad 17, plan.areas[0].activities[2].kind", ctx.exception.errors[0])

    def test_an_unknown_actor_is_refused(self):
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text(NATIONAL.replace("actor: state", "actor: kungen"))
        self.assertIn("Rad 16, plan.areas[0].activities[1].actor", ctx.exception.errors[0])


class GoalTargetsInTheFileTest(BaseTestCase):
    """A measurable goal's indicator and target value go out with the export and come back."""

    def test_targets_round_trip(self):
        plan = import_plan_text(stockholm_plan_text())
        goals = plan.goals.order_by("pk")
        first, second = goals[0], goals[1]
        type(first).objects.filter(pk=first.pk).update(
            indicator_code="bup.first_assessment.share_within_30_days", target_percent="80.5"
        )
        type(first).objects.filter(pk=second.pk).update(indicator_code="skolnarvaro")
        exported = export_yaml(plan)
        self.assertIn("indicator: bup.first_assessment.share_within_30_days", exported)
        self.assertIn("target_percent: 80.5", exported)
        again = import_plan_text(exported)
        goals = again.goals.order_by("pk")
        self.assertEqual(
            [(g.text, g.indicator_code, g.target_percent) for g in goals[:2]],
            [
                (first.text, "bup.first_assessment.share_within_30_days", Decimal("80.5")),
                (second.text, "skolnarvaro", None),
            ],
        )
        self.assertEqual(goals.filter(indicator_code="").count(), goals.count() - 2)
        self.assertEqual(export_yaml(again), exported)

    def test_bad_targets_name_the_goal_and_nothing_is_saved(self):
        reference = yaml.load(stockholm_plan_text(), Loader=Loader)
        area = reference["plan"]["areas"][0]["subareas"][0]
        texts = area["long_term_goals"]
        area["long_term_goals"] = [
            {"text": texts[0], "indicator": "x", "target_percent": 101},
            {"text": texts[1], "target_percent": 50},
            {"indicator": "x", "farg": "röd"},
        ]
        with self.assertRaises(PlanImportError) as ctx:
            import_plan_text(yaml.safe_dump(reference, allow_unicode=True))
        messages = "\n".join(ctx.exception.errors)
        goals = "plan.areas[0].subareas[0].long_term_goals"
        self.assertIn(f"{goals}[0].target_percent: ska vara ett tal mellan 0 och 100", messages)
        self.assertIn(f"{goals}[1].indicator: saknas: ange indikatorn", messages)
        self.assertIn(f"{goals}[2].text: saknas.", messages)
        self.assertIn("okänd nyckel ”farg”", messages)
        self.assertEqual(ActionPlan.objects.count(), 0)
