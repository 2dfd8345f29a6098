"""Published years for the open-data tests: 2020 (the analysis page data) published, 2019
with its own indicator measures left unpublished unless a test publishes it."""

from stimulans.analysis import snapshot
from stimulans.analysis.tests.helpers import (
    PageTestCase,
    make_report,
    measures,
    previous_year_pot,
    region,
)
from stimulans.organisations.models import OrganisationKind

FIRST = "bup.first_assessment.share_within_30_days"


class OpenDataTestCase(PageTestCase):
    """2020: Region Stockholm reported 80 of 100 first assessments within 30 days (0.8), two
    counties reported in suicide prevention (100 and 40 kronor on initiatives). 2019: Region
    Stockholm 10 of 50 (0.2), not published."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pot_2019 = previous_year_pot("barn-unga", OrganisationKind.REGION, 2019)
        measures(
            make_report(region("01"), cls.pot_2019),
            bup__first_assessment__children=50,
            bup__first_assessment__within_30_days=10,
        )
        cls.version = snapshot.publish(cls.agreement, cls.anna, "Första versionen")
