"""Test data for the export tests: reports in one municipality pot and one region pot."""

from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.models import Initiative, MeasureValue, Report, ReportStatus
from stimulans.test import BaseTestCase


class ExportTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        cls.pot = Pot.objects.get(part__slug="god-vard", recipient_kind="municipality")
        cls.region_pot = Pot.objects.get(part__slug="barn-unga", recipient_kind="region")
        category = cls.pot.categories.get(slug="patientsakerhet")
        cls.reports = {}
        for org, status in [
            (cls.stockholm, ReportStatus.SUBMITTED),
            (cls.botkyrka, ReportStatus.DRAFT),
            (cls.uppsala, ReportStatus.APPROVED),
        ]:
            report = Report.objects.create(
                organisation=org,
                pot=cls.pot,
                status=status,
                funds_received_sek=1000,
                answers={"pandemic": "yes", "support_needed": ["guidance", "data"]},
            )
            Initiative.objects.create(
                report=report,
                identifier=f"I-{org.code}",
                title=f"Rubrik {org.code}",
                category=category,
                activities=f"Aktivitet i {org.short_name}",
                effects='=HYPERLINK("http://example.com")',
                funds_sek=250,
                effect_level="target_group",
                phase="implemented",
            )
            cls.reports[org.code] = report
        region_report = Report.objects.create(organisation=cls.region_stockholm, pot=cls.region_pot)
        MeasureValue.objects.create(report=region_report, code="bup.treatment.children", value=12)
