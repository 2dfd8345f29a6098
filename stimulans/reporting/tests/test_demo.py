import pytest

from stimulans.funds.models import Pot
from stimulans.reporting.demo import load_demo_reports
from stimulans.reporting.models import Initiative, MeasureValue, Report, ReportStatus
from stimulans.reporting.services.workflow import validate_report

from .base import ReportingTestCase


@pytest.mark.slow  # the whole demo content
class DemoReportsTest(ReportingTestCase):
    def test_every_pot_has_submitted_reports_from_several_organisations(self):
        created = load_demo_reports({"admin": self.adam})
        self.assertGreater(created, 40)
        self.assertEqual(load_demo_reports({"admin": self.adam}), 0)  # idempotent
        for pot in Pot.objects.filter(part__agreement=self.agreement):
            done = Report.objects.filter(
                pot=pot, status__in=[ReportStatus.SUBMITTED, ReportStatus.APPROVED]
            )
            self.assertGreaterEqual(done.count(), 3, pot)
            self.assertGreater(done.values("organisation__county").distinct().count(), 2)
            for report in done:
                self.assertEqual(validate_report(report), [], report)
        initiatives = Initiative.objects.all()
        self.assertTrue(initiatives.filter(within_agreement=False).exists())
        self.assertTrue(initiatives.filter(effect_measured=True).exists())
        self.assertTrue(initiatives.filter(effect_level="organisation").exists())
        self.assertTrue(initiatives.filter(effect_level="target_group").exists())
        self.assertTrue(initiatives.filter(effects="").exists())
        self.assertGreater(initiatives.values("category").distinct().count(), 15)
        self.assertTrue(MeasureValue.objects.filter(code="bup.treatment.children").exists())
        self.assertTrue(Report.objects.filter(status=ReportStatus.RETURNED).exists())
        self.assertTrue(Report.objects.filter(status=ReportStatus.DRAFT).exists())
        self.agreement.refresh_from_db()
        self.assertEqual(str(self.agreement.reporting_deadline), "2021-03-31")
