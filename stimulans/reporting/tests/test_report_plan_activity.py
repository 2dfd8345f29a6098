"""An initiative names the activity of the county's published plan that it carries out: the
choice in the report form, and the plan page's follow-up (activity → initiatives → effects)."""

from django.urls import reverse

from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import ActionPlan
from stimulans.plans.services import publish, start_new_version
from stimulans.plans.yaml_import import import_plan_text
from stimulans.reporting import services
from stimulans.reporting.models import Initiative

from .base import ReportingTestCase, complete_answers, make_report


def answers(pot, activity):
    data = complete_answers(pot)
    data["initiatives"][0]["plan_activity"] = activity
    return data


class ReportPlanActivityTest(ReportingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        draft = import_plan_text(stockholm_plan_text())
        ActionPlan.objects.filter(pk=draft.pk).update(year=2020)
        cls.plan = publish(ActionPlan.objects.get(pk=draft.pk), cls.cora)
        cls.activity = cls.plan.activities.order_by("pk").first()

    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:edit", args=[self.report.pk])

    def test_the_form_offers_the_countys_published_activities(self):
        self.login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, "Aktivitet i länets handlingsplan som insatsen genomför")
        self.assertContains(page, f'value="{self.activity.pk}"')
        self.assertContains(page, self.activity.title)
        uppsala = make_report(self.uppsala, self.mobila_municipality, self.charlie)
        self.login(self.charlie)
        page = self.client.get(reverse("reporting:edit", args=[uppsala.pk]))
        self.assertNotContains(page, "Aktivitet i länets handlingsplan")

    def test_a_draft_plan_offers_nothing(self):
        ActionPlan.objects.filter(pk=self.plan.pk).update(status="draft")
        self.login(self.alice)
        self.assertNotContains(self.client.get(self.url), "Aktivitet i länets handlingsplan")

    def test_the_posted_choice_is_saved_and_read_back(self):
        self.login(self.alice)
        initiative = self.report.initiatives.get()
        post = {
            "version": str(self.report.version),
            "action": "save",
            "r-initiatives-0-identifier": initiative.identifier,
            "r-initiatives-0-title": initiative.title,
            "r-initiatives-0-plan_activity": str(self.activity.pk),
        }
        response = self.client.post(self.url, post)
        self.assertEqual(response.status_code, 302, response.content)
        self.assertEqual(Initiative.objects.get(pk=initiative.pk).plan_activity, self.activity)
        page = self.client.get(self.url)
        self.assertContains(page, f'<option value="{self.activity.pk}" selected>')
        history = self.client.get(reverse("reporting:history", args=[self.report.pk]))
        self.assertContains(history, "Aktivitet i handlingsplanen: – → ")

    def test_an_activity_of_another_plan_is_not_linked_and_refuses_submission(self):
        other = ActionPlan.objects.create(
            scope="county", county=self.uppsala.county, year=2020, version=1
        )
        area = other.areas.create(title="Uppsalas område")
        foreign = other.activities.create(area=area, kind="prioritised", number=1, title="Annat")
        report = services.save_draft(
            self.report,
            answers(self.mobila_municipality, str(foreign.pk)),
            self.alice,
            self.report.version,
        )
        self.assertIsNone(report.initiatives.get().plan_activity)
        issues = services.submit(report, self.alice)
        self.assertIn(
            "”Aktivitet i länets handlingsplan som insatsen genomför”: välj ett av alternativen",
            "; ".join(str(i) for i in issues),
        )

    def test_a_newer_plan_version_keeps_the_choice_made(self):
        report = services.save_draft(
            self.report,
            answers(self.mobila_municipality, str(self.activity.pk)),
            self.alice,
            self.report.version,
        )
        publish(start_new_version(self.plan), self.cora)
        choices = dict(services.plan_activities.activity_choices(report))
        self.assertIn(str(self.activity.pk), choices)
        # The newer version's activities and the one named in the older version.
        self.assertEqual(len(choices), self.plan.activities.count() + 1)


class PlanActivityFollowUpTest(ReportingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        draft = import_plan_text(stockholm_plan_text())
        ActionPlan.objects.filter(pk=draft.pk).update(year=2020)
        cls.plan = publish(ActionPlan.objects.get(pk=draft.pk), cls.cora)
        cls.activity = cls.plan.activities.order_by("pk").first()
        data = answers(cls.mobila_municipality, str(cls.activity.pk))
        data["initiatives"][0]["effects"] = "Färre inläggningar av unga vuxna."
        report, _created = services.get_or_create_report(
            cls.stockholm, cls.mobila_municipality, cls.alice
        )
        services.save_draft(report, data, cls.alice, report.version)
        assert not services.submit(report, cls.alice)
        cls.report = report
        botkyrka = make_report(cls.botkyrka, cls.mobila_municipality, cls.bob)
        botkyrka_data = answers(cls.mobila_municipality, str(cls.activity.pk))
        botkyrka_data["initiatives"][0]["title"] = "Botkyrkas utkast"
        services.save_draft(botkyrka, botkyrka_data, cls.bob, botkyrka.version)
        cls.url = reverse("plans:plan_detail", args=[cls.plan.pk])

    def test_the_plan_page_follows_the_activity_to_the_reported_effects(self):
        self.login(self.cora)
        page = self.client.get(self.url)
        self.assertContains(page, "Aktiviteterna i redovisningarna 2020")
        self.assertContains(page, self.activity.title)
        self.assertContains(page, "Färre inläggningar av unga vuxna.")
        self.assertContains(page, "600\u00a0000")
        self.assertNotContains(page, "Botkyrkas utkast")  # a draft is not counted

    def test_the_report_names_the_activity(self):
        self.login(self.alice)
        page = self.client.get(reverse("reporting:detail", args=[self.report.pk]))
        self.assertContains(page, "Aktivitet i länets handlingsplan som insatsen genomför")
        self.assertContains(page, self.activity.title)

    def test_a_newer_version_of_the_plan_shows_it_too(self):
        newer = start_new_version(self.plan)
        self.login(self.cora)
        page = self.client.get(reverse("plans:plan_detail", args=[newer.pk]))
        self.assertContains(page, "Färre inläggningar av unga vuxna.")

    def test_it_checks_ownership(self):
        pages = self.assertAccess(
            self.url,
            allowed=[self.alice, self.bob, self.charlie, self.cora, self.otto, self.anna],
            ok=(200,),
        )
        for user in (self.alice, self.cora, self.anna):
            self.assertContains(pages[user], "Färre inläggningar av unga vuxna.")
        for user in (self.charlie, self.otto):
            self.assertNotContains(pages[user], "Färre inläggningar av unga vuxna.")
