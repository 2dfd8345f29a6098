import shutil
import tempfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from stimulans.analysis.models import Indicator
from stimulans.funds.services import load_agreement_2020
from stimulans.plans.models import Activity, Decision, NeedsSection, Participation

from .base import PlanTestCase


class ItemEditTest(PlanTestCase):
    def create_url(self, kind, plan=None):
        return reverse("plans:item_create", args=[(plan or self.draft).pk, kind])

    def edit_url(self, kind, item_id, plan=None):
        return reverse("plans:item_edit", args=[(plan or self.draft).pk, kind, item_id])

    def lock(self):
        return self.reload(self.draft).lock_version

    def activity(self, plan=None):
        return (plan or self.draft).activities.get(area__title="Skolan som arena", number=1)

    def test_it_checks_ownership(self):
        for url in [
            self.create_url("nulage"),
            self.create_url("aktivitet"),
            self.edit_url("aktivitet", self.activity().pk),
        ]:
            self.assertAccess(
                url,
                allowed=[self.cora, self.adam],
                refused=[self.otto, self.alice, self.bob, self.anna, self.charlie],
            )
        published_activity = self.activity(self.published)
        self.assertAccess(
            self.edit_url("aktivitet", published_activity.pk, self.published),
            refused=[self.cora, self.adam, self.otto],
        )
        # An item of another plan is not found through this plan.
        self.login(self.cora)
        response = self.client.get(self.edit_url("aktivitet", published_activity.pk))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.get(self.create_url("okand")).status_code, 404)

    def test_the_coordinator_revises_the_needs_analysis(self):
        self.login(self.cora)
        response = self.client.post(
            self.create_url("nulage"),
            {"lock_version": self.lock(), "title": "Barn och unga", "body": "Nuläget", "order": 1},
        )
        self.assertEqual(response.status_code, 302)
        section = NeedsSection.objects.get(plan=self.draft)
        self.assertEqual(section.body, "Nuläget")
        response = self.client.post(
            self.edit_url("nulage", section.pk),
            {
                "lock_version": self.lock(),
                "title": "Barn och unga",
                "body": "Reviderat",
                "order": 1,
            },
        )
        self.assertEqual(response.status_code, 302)
        section.refresh_from_db()
        self.assertEqual(section.body, "Reviderat")

    def test_attachments_are_checked(self):
        media = tempfile.mkdtemp(prefix="stimulans-plans-")
        self.addCleanup(shutil.rmtree, media, ignore_errors=True)
        with override_settings(MEDIA_ROOT=media):
            self._check_attachments()

    def _check_attachments(self):
        section = NeedsSection.objects.create(plan=self.draft, title="Nuläge")
        self.login(self.cora)
        bad = SimpleUploadedFile("skript.exe", b"MZ")
        response = self.client.post(
            self.create_url("bilaga"),
            {"lock_version": self.lock(), "section": section.pk, "name": "Skript", "file": bad},
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "har fel typ", status_code=400)
        good = SimpleUploadedFile("analys.pdf", b"%PDF-1.4")
        response = self.client.post(
            self.create_url("bilaga"),
            {"lock_version": self.lock(), "section": section.pk, "name": "Analys", "file": good},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(section.attachments.get().name, "Analys")

    def test_the_coordinator_edits_an_activity_with_goals_and_funds(self):
        load_agreement_2020()
        Indicator.objects.create(
            code="skolnarvaro", title="Skolnärvaro", numerator="a", denominator="b"
        )
        activity = self.activity()
        goals = list(activity.area.goals.filter(term="short"))
        self.login(self.cora)
        response = self.client.post(
            self.edit_url("aktivitet", activity.pk),
            {
                "lock_version": self.lock(),
                "area": activity.area_id,
                "kind": "prioritised",
                "number": 3,
                "title": activity.title,
                "description": "Beskrivning",
                "subtasks": "Kartlägga\nSprida",
                "partners": "Ifous\nSKR",
                "target_groups": "Skolor",
                "starts": "2021-01-01",
                "ends": "2021-12-31",
                "status": "ongoing",
                "goals": [g.pk for g in goals],
                "indicator_codes": "skolnarvaro",
                "child_participation": "Elevråd deltar",
            },
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[-2000:])
        activity = Activity.objects.get(pk=activity.pk)
        self.assertEqual((activity.kind, activity.number), ("prioritised", 3))
        self.assertEqual(activity.partners, ["Ifous", "SKR"])
        self.assertEqual(set(activity.goals.all()), set(goals))
        self.assertEqual(activity.indicator_codes, ["skolnarvaro"])
        self.assertEqual(
            [str(m) for m in response.wsgi_request._messages], ["Aktiviteten är sparad."]
        )
        from stimulans.funds.models import Pot

        pot = Pot.objects.filter(part__agreement__year=2020, recipient_kind="county").first()
        response = self.client.post(
            self.create_url("medel"),
            {
                "lock_version": self.lock(),
                "activity": activity.pk,
                "pot": pot.pk,
                "amount_sek": 125000,
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(activity.funds.get().amount_sek, 125000)

    def test_activity_rules_are_checked(self):
        activity = self.activity()
        other_goal = self.draft.goals.exclude(area=activity.area).first()
        self.login(self.cora)
        response = self.client.post(
            self.edit_url("aktivitet", activity.pk),
            {
                "lock_version": self.lock(),
                "area": activity.area_id,
                "kind": "ongoing",
                "number": 2,  # taken by another activity of the area
                "title": "X",
                "starts": "2021-12-31",
                "ends": "2021-01-01",
                "status": "planned",
                "goals": [other_goal.pk],
            },
        )
        self.assertEqual(response.status_code, 400)
        content = response.content.decode()
        self.assertIn("Slutdatum kan inte vara före startdatum", content)
        self.assertIn("hör till ett annat område", content)
        self.assertIn("finns redan", content)

    def test_the_child_participation_checkpoint_is_required_where_the_plan_requires_it(self):
        self.draft.requires_child_participation = True
        self.draft.save()
        activity = self.activity()
        self.login(self.cora)
        response = self.client.post(
            self.edit_url("aktivitet", activity.pk),
            {
                "lock_version": self.lock(),
                "area": activity.area_id,
                "kind": "ongoing",
                "number": 1,
                "title": "X",
                "status": "planned",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "barns delaktighet", status_code=400)

    def test_decisions_and_participation_are_recorded(self):
        self.login(self.cora)
        self.client.post(
            self.create_url("beslut"),
            {
                "lock_version": self.lock(),
                "decided_on": "2021-02-10",
                "body": "Styrgruppen",
                "text": "Styrgruppen beslutade om planen",
            },
        )
        self.client.post(
            self.create_url("medverkan"),
            {
                "lock_version": self.lock(),
                "organisation": "NSPH Stockholms län",
                "kind": "umbrella",
                "mode": "revision",
            },
        )
        self.assertEqual(Decision.objects.get(plan=self.draft).decided_on.isoformat(), "2021-02-10")
        self.assertEqual(Participation.objects.get(plan=self.draft).mode, "revision")
        response = self.client.post(
            self.create_url("medverkan"),
            {
                "lock_version": self.lock(),
                "organisation": "NSPH Stockholms län",
                "kind": "umbrella",
                "mode": "commented",
            },
        )
        self.assertContains(response, "finns redan", status_code=400)

    def test_a_stale_page_is_refused(self):
        self.login(self.cora)
        stale = self.lock()
        self.client.post(
            self.create_url("styrgrupp"),
            {"lock_version": stale, "name": "Region Stockholm", "order": 0},
        )
        response = self.client.post(
            self.create_url("styrgrupp"), {"lock_version": stale, "name": "Storsthlm", "order": 1}
        )
        self.assertEqual(response.status_code, 409)
        self.assertEqual(
            list(self.draft.steering_group.values_list("name", flat=True)), ["Region Stockholm"]
        )

    def test_the_national_list_has_initiatives_and_commitments_per_actor(self):
        plan = self.national_plan()
        url = self.create_url("aktivitet", plan)
        self.assertAccess(url, allowed=[self.adam], refused=[self.cora, self.anna, self.alice])
        area = plan.areas.create(code="A", title="Mål A")
        self.login(self.adam)
        response = self.client.get(url)
        self.assertContains(response, '<option value="commitment">Åtagande</option>', html=True)
        self.assertNotContains(response, '<option value="prioritised">')
        response = self.client.post(
            url,
            {
                "lock_version": plan.lock_version,
                "area": area.pk,
                "kind": "commitment",
                "number": 1,
                "title": "SKR:s åtagande",
                "status": "planned",
                "actor": "skr",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(plan.activities.get().get_actor_display(), "SKR och medlemmar")

    def test_the_form_has_the_product_s_style_and_numbers_activities_itself(self):
        Indicator.objects.create(
            code="skolnarvaro", title="Skolnärvaro", numerator="a", denominator="b"
        )
        activity = self.activity()
        self.login(self.cora)
        page = self.client.get(self.create_url("aktivitet"))
        html = page.content.decode()
        self.assertNotIn("---------", html)
        self.assertNotIn(":</label>", html)
        self.assertIn("(obligatorisk)", html)
        self.assertIn("– välj –", html)
        # Indicators are chosen from the catalogue; goals name their area for the script.
        self.assertIn('value="skolnarvaro"', html)
        self.assertIn("Skolnärvaro (skolnarvaro)", html)
        self.assertIn(f'data-area="{activity.area_id}"', html)
        response = self.client.post(
            self.create_url("aktivitet"),
            {
                "lock_version": self.lock(),
                "area": activity.area_id,
                "kind": activity.kind,
                "number": "",
                "title": "Ny aktivitet",
                "status": "planned",
                "indicator_codes": ["skolnarvaro"],
            },
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[-3000:])
        new = self.draft.activities.get(title="Ny aktivitet")
        highest = max(
            a.number for a in self.draft.activities.filter(area=activity.area, kind=activity.kind)
        )
        self.assertEqual(new.number, highest)
        self.assertGreater(new.number, activity.number)
        self.assertEqual(new.indicator_codes, ["skolnarvaro"])
        response = self.client.post(
            reverse("plans:item_delete", args=[self.draft.pk, "aktivitet", new.pk]),
            {"lock_version": self.lock()},
            follow=True,
        )
        self.assertContains(response, "Aktiviteten är borttagen.")
        page = self.client.get(self.create_url("aktivitet"), {"indicator_codes": "okänd"})
        response = self.client.post(
            self.create_url("aktivitet"),
            {
                "lock_version": self.lock(),
                "area": activity.area_id,
                "kind": activity.kind,
                "title": "Ännu en",
                "status": "planned",
                "indicator_codes": ["okänd"],
            },
        )
        self.assertContains(response, "Välj ett giltigt alternativ", status_code=400)


class ItemEditFeedbackTest(PlanTestCase):
    """An activity names the reported initiatives it continues; a goal gets a target value."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from stimulans.analysis.indicators import load_indicators
        from stimulans.reporting.imports import import_initiatives

        load_agreement_2020()
        load_indicators()
        rows = [
            "year,part,org_kind,org_code,initiative,category,activities,goals,outputs,effects,"
            "effect_level,effect_measured,funds_sek,phase,within_agreement",
            "2020,suicidprevention,county,01,a,suicidpreventiva-handlingsplaner,Utbildning,Mål,"
            "Kurser,,,false,1000,implemented,true",
            "2020,suicidprevention,county,03,b,suicidpreventiva-handlingsplaner,Utbildning,Mål,"
            "Kurser,,,false,1000,implemented,true",
        ]
        import_initiatives(("\n".join(rows) + "\n").encode(), filename="i.csv")

    def test_an_activity_continues_a_reported_initiative_of_its_county(self):
        from stimulans.reporting.models import Initiative

        ours = Initiative.objects.get(report__organisation__county__code="01")
        theirs = Initiative.objects.get(report__organisation__county__code="03")
        activity = self.draft.activities.get(area__title="Skolan som arena", number=1)
        url = reverse("plans:item_edit", args=[self.draft.pk, "aktivitet", activity.pk])
        self.login(self.cora)
        page = self.client.get(url)
        # The options of the "continues" list only: other inputs have ids of their own.
        html = page.content.decode()
        options = html[
            html.index('name="continues"') : html.index("</select>", html.index('name="continues"'))
        ]
        self.assertIn(f'value="{ours.pk}"', options)
        self.assertNotIn(f'value="{theirs.pk}"', options)
        data = {
            "lock_version": self.reload(self.draft).lock_version,
            "area": activity.area_id,
            "kind": activity.kind,
            "number": activity.number,
            "title": activity.title,
            "status": "ongoing",
            "continues": [ours.pk],
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[-1500:])
        self.assertEqual(list(Activity.objects.get(pk=activity.pk).continues.all()), [ours])
        data["continues"] = [theirs.pk]
        data["lock_version"] = self.reload(self.draft).lock_version
        self.assertEqual(self.client.post(url, data).status_code, 400)

    def test_a_goal_gets_an_indicator_and_a_target(self):
        goal = self.draft.goals.first()
        url = reverse("plans:item_edit", args=[self.draft.pk, "mal", goal.pk])
        data = {
            "lock_version": self.reload(self.draft).lock_version,
            "area": goal.area_id,
            "term": goal.term,
            "text": goal.text,
            "order": goal.order,
            "indicator_code": "bup.first_assessment.share_within_30_days",
            "target_percent": "150",
        }
        self.login(self.cora)
        self.assertEqual(self.client.post(url, data).status_code, 400)
        data["target_percent"] = "80"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        goal.refresh_from_db()
        self.assertEqual(
            (goal.indicator_code, float(goal.target_percent)),
            ("bup.first_assessment.share_within_30_days", 80.0),
        )
