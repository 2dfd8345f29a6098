"""The trend pages over the years: indicators, funds per pot and answers per question, through
the crosswalks; per role, what each reader may read of each year; the commission period."""

from django.urls import reverse

from stimulans.analysis.indicators import load_indicators
from stimulans.analysis.models import StatusReport
from stimulans.funds.models import Agreement, AgreementPart, Allocation, Period, Pot
from stimulans.reporting import services
from stimulans.reporting.agreement_copy import copy_agreement
from stimulans.reporting.imports import import_measures
from stimulans.reporting.models import Questionnaire
from stimulans.reporting.tests.base import ReportingTestCase, complete_answers

INDEX = reverse("analysis:trend_index")
INDICATORS = reverse("analysis:trend_indicators")
FUNDS = reverse("analysis:trend_funds")
ANSWERS = reverse("analysis:trend_answers", args=["handlingsplaner-mobila"])
ALL = (INDEX, INDICATORS, FUNDS, ANSWERS)


def submitted(org, pot, user, **overrides):
    report, _created = services.get_or_create_report(org, pot, user)
    services.save_draft(report, complete_answers(pot, **overrides), user, report.version)
    assert not services.submit(report, user)
    return report


class TwoYears(ReportingTestCase):
    """2020 and its copy 2021: the municipalities' mobile-teams pot reported by Stockholm and
    Uppsala in 2020 and by Stockholm in 2021; BUP measures of Region Stockholm both years."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        copy_agreement(2020, 2021)
        mobila_2021 = Pot.objects.get(
            part__agreement__year=2021,
            part__slug="handlingsplaner-mobila",
            recipient_kind="municipality",
        )
        Allocation.objects.create(
            pot=mobila_2021, organisation=cls.stockholm, amount_sek=22_000_000, weight=1
        )
        Allocation.objects.create(
            pot=mobila_2021, organisation=cls.uppsala, amount_sek=5_000_000, weight=1
        )
        submitted(cls.stockholm, cls.mobila_municipality, cls.alice, funds_used_sek="900000")
        submitted(cls.uppsala, cls.mobila_municipality, cls.charlie, funds_used_sek="700000")
        submitted(cls.stockholm, mobila_2021, cls.alice, funds_used_sek="950000", disruption="no")
        load_indicators()
        rows = [
            "year,org_kind,org_code,measure,value",
            "2020,region,01,bup.first_assessment.children,200",
            "2020,region,01,bup.first_assessment.within_30_days,100",
            "2021,region,01,bup.first_assessment.children,200",
            "2021,region,01,bup.first_assessment.within_30_days,150",
        ]
        import_measures(("\n".join(rows) + "\n").encode(), filename="m.csv")


class TrendPagesTest(TwoYears):
    def publish_both(self):
        for agreement in Agreement.objects.all():
            StatusReport.objects.update_or_create(agreement=agreement, defaults={"published": True})

    def test_it_checks_ownership_before_publication(self):
        for url in ALL:
            self.assertAccess(
                url,
                allowed=[self.cora, self.otto, self.anna, self.adam],
                refused=[self.alice, self.charlie, self.regina],
                ok=(200,),
            )
            # A coordinator reads its own county, not another's.
            self.assertAccess(
                url + "?lan=01", allowed=[self.cora, self.anna], refused=[self.otto], ok=(200,)
            )

    def test_published_years_are_open_to_everyone(self):
        self.publish_both()
        for url in ALL:
            self.assertAccess(
                url + "?lan=03",
                allowed=[None, self.alice, self.charlie, self.cora, self.otto, self.anna],
                ok=(200,),
            )

    def test_funds_allocated_and_used_per_pot_over_the_years(self):
        self.login(self.anna)
        page = self.client.get(FUNDS)
        self.assertContains(page, "Medel över åren")
        # Allocated: 2020 Stockholm, Botkyrka, Uppsala; 2021 Stockholm, Uppsala.
        self.assertContains(page, '<td class="num">26\u00a0000\u00a0000</td>', html=True)
        self.assertContains(page, '<td class="num">27\u00a0000\u00a0000</td>', html=True)
        # Used: 2020 900 000 + 700 000, 2021 950 000.
        self.assertContains(page, '<td class="num">1\u00a0600\u00a0000</td>', html=True)
        self.assertContains(page, '<td class="num">950\u00a0000</td>', html=True)
        uppsala = self.client.get(FUNDS + "?lan=03")
        self.assertContains(uppsala, '<td class="num">700\u00a0000</td>', html=True)
        self.assertNotContains(uppsala, "950\u00a0000")

    def test_a_renamed_part_keeps_its_series(self):
        part = AgreementPart.objects.get(agreement__year=2021, slug="handlingsplaner-mobila")
        part.title = "Psykisk hälsa: mobila team"
        part.slug = "mobila-team"
        part.save()
        self.login(self.anna)
        page = self.client.get(FUNDS)
        self.assertContains(page, "<h2>Psykisk hälsa: mobila team</h2>", html=True)
        self.assertContains(page, "Tidigare:")
        self.assertContains(page, '<td class="num">26\u00a0000\u00a0000</td>', html=True)
        answers = self.client.get(reverse("analysis:trend_answers", args=["mobila-team"]))
        self.assertContains(answers, "Har redovisat")
        # The old slug is the 2020 part's only: one year, no trend.
        self.assertContains(self.client.get(ANSWERS), "Delen har svar för bara ett av åren.")
        self.assertEqual(
            self.client.get(reverse("analysis:trend_answers", args=["finns-inte"])).status_code,
            404,
        )

    def test_answers_per_question_follow_the_crosswalk(self):
        self.login(self.anna)
        page = self.client.get(ANSWERS)
        text = page.content.decode()
        self.assertContains(page, "Svar över åren")
        self.assertContains(
            page,
            '<tr><th scope="row">Har redovisat</th><td class="num">2</td>'
            '<td class="num">1</td></tr>',
            html=True,
        )
        self.assertNotIn("Ny serie från 2021", text)
        # The 2021 form says the disruption question starts anew.
        Questionnaire.objects.filter(
            pot__part__agreement__year=2021, pot__part__slug="handlingsplaner-mobila"
        ).update(crosswalk={"disruption": ""})
        # In both pots of the part (municipalities and regions).
        self.assertContains(self.client.get(ANSWERS), "Ny serie från 2021", count=2)

    def test_indicators_over_the_years(self):
        self.login(self.cora)
        page = self.client.get(INDICATORS + "?lan=01")
        self.assertContains(page, "Indikatorer över åren")
        self.assertContains(page, '<td class="num">50,0 %</td><td class="num">75,0 %</td>')

    def test_a_commission_period_limits_the_years(self):
        period = Period.objects.create(
            kind="commission", title="Uppdraget", first_year=2021, last_year=2023
        )
        self.login(self.anna)
        for url in (INDICATORS, FUNDS, ANSWERS):
            page = self.client.get(url + f"?uppdrag={period.pk}")
            self.assertContains(page, "Åren i Uppdraget (2021–2023).")
            self.assertContains(page, "när det finns siffror för mer än ett år")
            self.assertNotContains(page, "26\u00a0000\u00a0000")
            self.assertNotContains(page, "Har redovisat")
        self.assertEqual(self.client.get(FUNDS + "?uppdrag=999").status_code, 404)
        self.assertEqual(self.client.get(FUNDS + "?uppdrag=x").status_code, 404)


class PublishedTrendTest(TwoYears):
    """A published year is shown as published: a report counted after publication of 2020 is
    not in the trend (except for analysts asking for the live figures)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from stimulans.analysis.snapshot import publish

        publish(Agreement.objects.get(year=2020))
        submitted(cls.botkyrka, cls.mobila_municipality, cls.bob, funds_used_sek="650000")

    def test_the_published_figures_are_shown(self):
        self.login(self.charlie)
        # A reporter reads the published 2020 only: no trend yet.
        self.assertContains(self.client.get(FUNDS), "när det finns siffror för mer än ett år")
        self.login(self.anna)
        self.assertContains(self.client.get(FUNDS), "1\u00a0600\u00a0000")
        self.assertContains(self.client.get(FUNDS + "?utkast=1"), "2\u00a0250\u00a0000")
        answers = self.client.get(ANSWERS)
        self.assertContains(
            answers,
            '<tr><th scope="row">Har redovisat</th><td class="num">2</td>'
            '<td class="num">1</td></tr>',
            html=True,
        )
        self.assertContains(
            self.client.get(ANSWERS + "?utkast=1"),
            '<tr><th scope="row">Har redovisat</th><td class="num">3</td>'
            '<td class="num">1</td></tr>',
            html=True,
        )


class DecimalAnswersTrendTest(ReportingTestCase):
    """A decimal question in both years' mobile-teams questionnaire: its sum and mean per year
    (2020: Stockholm 1,5 and Uppsala 2,25; 2021: Stockholm 4)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        questionnaire = Questionnaire.objects.get(pot=cls.mobila_municipality)
        definition = questionnaire.definition
        definition["children"] = [
            *definition["children"],
            {"type": "decimal", "name": "share_staff", "label": "Andel tjänster"},
        ]
        Questionnaire.objects.filter(pk=questionnaire.pk).update(definition=definition)
        copy_agreement(2020, 2021)
        mobila_2021 = Pot.objects.get(
            part__agreement__year=2021,
            part__slug="handlingsplaner-mobila",
            recipient_kind="municipality",
        )
        Allocation.objects.create(
            pot=mobila_2021, organisation=cls.stockholm, amount_sek=22_000_000, weight=1
        )
        submitted(cls.stockholm, cls.mobila_municipality, cls.alice, share_staff="1,5")
        submitted(cls.uppsala, cls.mobila_municipality, cls.charlie, share_staff="2.25")
        submitted(cls.stockholm, mobila_2021, cls.alice, share_staff="4")

    def test_decimal_questions_have_their_sum_and_mean_per_year(self):
        self.login(self.anna)
        page = self.client.get(ANSWERS)
        self.assertContains(page, "Andel tjänster")
        self.assertContains(
            page,
            '<tr><th scope="row">Summa</th><td class="num">3,75</td><td class="num">4</td></tr>',
            html=True,
        )
        self.assertContains(
            page,
            '<tr><th scope="row">Medelvärde</th><td class="num">1,88</td>'
            '<td class="num">4</td></tr>',
            html=True,
        )
