"""Test data for the analysis: reports with known content, built directly with the models."""

from itertools import count

from stimulans.funds.models import Agreement, AgreementPart, AllocationKey, Category, Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.models import Organisation, OrganisationKind
from stimulans.reporting.models import Initiative, MeasureValue, Report
from stimulans.test import BaseTestCase

from ..indicators import load_indicators

_ids = count(1)


def county_org(code):
    return Organisation.objects.get(kind=OrganisationKind.COUNTY, code=code)


def region(code):
    return Organisation.objects.get(kind=OrganisationKind.REGION, code=code)


def make_report(org, pot, status="submitted", **kwargs):
    return Report.objects.create(organisation=org, pot=pot, status=status, **kwargs)


def make_initiative(report, category=None, **kwargs):
    kwargs.setdefault("activities", "Aktivitet")
    kwargs.setdefault("goals", "Mål")
    kwargs.setdefault("title", f"Insats {report.pk}")
    return Initiative.objects.create(
        report=report, category=category, identifier=f"i{next(_ids)}", **kwargs
    )


def measures(report, **values):
    for code, value in values.items():
        MeasureValue.objects.create(report=report, code=code.replace("__", "."), value=value)


def previous_year_pot(slug="suicidprevention", kind=OrganisationKind.COUNTY, year=2019):
    agreement, _c = Agreement.objects.get_or_create(
        year=year, defaults={"title": f"Överenskommelse {year}", "total_sek": 1}
    )
    key, _c = AllocationKey.objects.get_or_create(
        agreement=agreement,
        slug="population",
        defaults={"kind": "population", "population_year": year - 1},
    )
    part, _c = AgreementPart.objects.get_or_create(
        agreement=agreement, slug=slug, defaults={"title": slug}
    )
    pot, _c = Pot.objects.get_or_create(
        part=part, recipient_kind=kind, defaults={"amount_sek": 1, "key": key}
    )
    return pot


class AnalysisTestCase(BaseTestCase):
    """BaseTestCase plus the 2020 agreement and the indicator catalogue."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        load_indicators()
        cls.suicide = cls.agreement.parts.get(slug="suicidprevention")
        cls.suicide_pot = cls.suicide.pots.get(recipient_kind=OrganisationKind.COUNTY)
        cls.cat = {c.slug: c for c in cls.suicide_pot.categories.all()}
        cls.youth = cls.agreement.parts.get(slug="barn-unga")
        cls.youth_region_pot = cls.youth.pots.get(recipient_kind=OrganisationKind.REGION)

    @classmethod
    def category(cls, pot, slug):
        return Category.objects.get(pot=pot, slug=slug)


class PageTestCase(AnalysisTestCase):
    """Reports with known content for the page tests: two county reports in the suicide
    prevention part and BUP measures from Region Stockholm."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cat = cls.cat
        cls.report = make_report(county_org("01"), cls.suicide_pot, funds_used_sek=100)
        cls.initiative = make_initiative(
            cls.report,
            cat["samordning-projektledning"],
            title="Samordnare för suicidprevention",
            activities="Anställt en samordnare",
            effects="Fler skolor har utbildats i psykisk första hjälp",
            effect_level="target_group",
            funds_sek=100,
        )
        uppsala = make_report(county_org("03"), cls.suicide_pot, "approved")
        cls.other_initiative = make_initiative(
            uppsala,
            cat["kunskap-kompetens"],
            title="Utbildningsdag",
            activities="Föreläsningar för vårdpersonal",
            effects="Ökad kunskap hos personalen",
            effect_level="organisation",
            funds_sek=40,
        )
        measures(
            make_report(region("01"), cls.youth_region_pot),
            bup__first_assessment__children=100,
            bup__first_assessment__within_30_days=80,
        )

    def publish(self):
        from ..models import StatusReport

        StatusReport.objects.update_or_create(
            agreement=self.agreement, defaults={"published": True}
        )
