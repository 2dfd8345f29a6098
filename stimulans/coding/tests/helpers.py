"""Test data for the coding: the 2020 agreement's suicide-prevention part with county reports
and initiatives of known text."""

from stimulans.accounts.models import Role
from stimulans.analysis.tests.helpers import (
    AnalysisTestCase,
    county_org,
    make_initiative,
    make_report,
)
from stimulans.test import make_user


class CodingTestCase(AnalysisTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.part = cls.suicide
        cls.report = make_report(county_org("01"), cls.suicide_pot)
        cls.report_uppsala = make_report(county_org("03"), cls.suicide_pot)
        cls.initiatives = [
            make_initiative(
                cls.report if i % 2 == 0 else cls.report_uppsala, activities=f"Aktivitet {i}"
            )
            for i in range(6)
        ]
        cls.berit = make_user("berit", Role.ANALYST)

    @classmethod
    def base_url(cls, suffix=""):
        return f"/kodning/2020/{cls.part.slug}/{suffix}"
