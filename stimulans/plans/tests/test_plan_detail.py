from django.urls import reverse

from stimulans.plans.models import PlanComment

from .base import PlanTestCase


class PlanDetailTest(PlanTestCase):
    def test_it_checks_ownership(self):
        draft = reverse("plans:plan_detail", args=[self.draft.pk])
        published = reverse("plans:plan_detail", args=[self.published.pk])
        self.assertAccess(
            draft,
            allowed=[self.cora, self.alice, self.bob, self.regina, self.anna, self.adam],
            refused=[self.otto, self.charlie],
        )
        self.assertAccess(published, allowed=[self.otto, self.charlie, self.anna, self.cora])

    def test_it_shows_the_previous_version_beside_the_draft(self):
        self.login(self.cora)
        response = self.client.get(reverse("plans:plan_detail", args=[self.draft.pk]))
        self.assertContains(response, "Föregående version 4 (2021)")
        self.assertContains(response, "Version 5 (2021)")
        self.assertContains(response, "Publicera version 5")
        self.assertContains(response, reverse("plans:plan_edit", args=[self.draft.pk]))
        self.assertContains(response, "Skicka kommentar")
        self.assertContains(response, "Senaste ändringar i utkastet")

    def test_a_municipal_reporter_may_comment_but_not_edit_or_publish(self):
        PlanComment.objects.create(plan=self.draft, author=self.bob, body="Bra utkast")
        self.login(self.alice)
        response = self.client.get(reverse("plans:plan_detail", args=[self.draft.pk]))
        self.assertContains(response, "Skicka kommentar")
        self.assertContains(response, "Bra utkast")
        self.assertNotContains(response, "Publicera version")
        self.assertNotContains(response, reverse("plans:plan_edit", args=[self.draft.pk]))

    def test_a_published_version_offers_new_versions_to_its_coordinator(self):
        self.login(self.cora)
        response = self.client.get(reverse("plans:plan_detail", args=[self.published.pk]))
        self.assertContains(response, "Börja planen för 2022")
        self.assertNotContains(response, "Skicka kommentar")
        self.login(self.otto)
        response = self.client.get(reverse("plans:plan_detail", args=[self.published.pk]))
        self.assertNotContains(response, "Börja planen för 2022")


class PlanDetailReportedYearBeforeTest(PlanTestCase):
    """The plan page shows what the county's organisations reported the year before."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from stimulans.funds.services import load_agreement_2020
        from stimulans.reporting.imports import import_initiatives

        load_agreement_2020()
        rows = [
            "year,part,org_kind,org_code,initiative,category,activities,goals,outputs,effects,"
            "effect_level,effect_measured,funds_sek,phase,within_agreement",
            "2020,suicidprevention,county,01,a,suicidpreventiva-handlingsplaner,Utbildning,Mål,"
            "Fjorton kurser,Färre självmordsförsök,target_group,true,125000,implemented,true",
            "2020,suicidprevention,county,03,b,suicidpreventiva-handlingsplaner,Planer,Mål,"
            "Uppsalas kurser,,,false,1000,implemented,true",
        ]
        import_initiatives(("\n".join(rows) + "\n").encode(), filename="i.csv")

    def test_the_coordinator_sees_the_countys_initiatives_of_the_year_before(self):
        self.login(self.cora)
        page = self.client.get(f"/handlingsplaner/{self.published.pk}/")
        self.assertContains(page, "Redovisat i länet 2020")
        self.assertContains(page, "Fjorton kurser")
        self.assertContains(page, "Färre självmordsförsök")
        self.assertContains(page, "125\u00a0000")
        self.assertNotContains(page, "Uppsalas kurser")

    def test_another_countys_coordinator_sees_none_of_its_reports(self):
        self.login(self.otto)
        page = self.client.get(f"/handlingsplaner/{self.published.pk}/")
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "Fjorton kurser")


class PlanDetailGoalFollowUpTest(PlanTestCase):
    """A goal's target beside the county's reported value of its indicator in the plan's year."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from stimulans.analysis.indicators import load_indicators
        from stimulans.funds.copying import copy_agreement_funds
        from stimulans.funds.services import load_agreement_2020
        from stimulans.reporting.imports import import_measures

        load_agreement_2020()
        copy_agreement_funds(2020, 2021)
        load_indicators()
        rows = [
            "year,org_kind,org_code,measure,value",
            "2021,region,01,bup.first_assessment.children,200",
            "2021,region,01,bup.first_assessment.within_30_days,150",
        ]
        import_measures(("\n".join(rows) + "\n").encode(), filename="m.csv")
        goal = cls.published.goals.first()
        type(goal).objects.filter(pk=goal.pk).update(
            indicator_code="bup.first_assessment.share_within_30_days", target_percent=80
        )

    def test_the_coordinator_sees_the_target_against_the_reported_value(self):
        self.login(self.cora)
        page = self.client.get(f"/handlingsplaner/{self.published.pk}/")
        self.assertContains(page, "Uppföljning av målvärden 2021")
        self.assertContains(page, '<td class="num">80</td><td class="num">75</td>', html=True)
        self.assertContains(page, "<td>Nej</td>", html=True)

    def test_a_reporter_of_another_county_sees_no_reported_value(self):
        self.login(self.charlie)
        page = self.client.get(f"/handlingsplaner/{self.published.pk}/")
        self.assertContains(page, "Uppföljning av målvärden 2021")
        self.assertContains(page, "Inte redovisat")
