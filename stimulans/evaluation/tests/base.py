from stimulans.evaluation.models import EvaluationStudy
from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.models import Organisation, OrganisationKind
from stimulans.reporting.models import Report
from stimulans.test import BaseTestCase


class StudyTestCase(BaseTestCase):
    """The 2020 agreement, counted suicide prevention reports of six county recipients (one a
    draft) and a study of them."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.part = cls.agreement.parts.get(slug="suicidprevention")
        pot = cls.part.pots.get(recipient_kind=OrganisationKind.COUNTY)
        counties = Organisation.objects.filter(kind=OrganisationKind.COUNTY).order_by("code")
        cls.reports = [
            Report.objects.create(organisation=org, pot=pot, status="submitted")
            for org in counties[:6]
        ]
        Report.objects.create(organisation=counties[6], pot=pot, status="draft")
        cls.draft_org = counties[6]
        cls.study = EvaluationStudy.objects.create(
            title="Studie",
            question="Vad hände?",
            agency="folkhalsomyndigheten",
            start_year=2020,
            end_year=2022,
        )
        cls.study.parts.add(cls.part)
