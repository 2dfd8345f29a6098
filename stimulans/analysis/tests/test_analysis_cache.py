"""The year's analysis is cached on the year's data version and recomputed when it changes."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..data_version import data_version
from ..models import InitiativeCoding, ReportText
from ..year_analysis import analyse_year
from .helpers import PageTestCase, county_org, make_initiative, make_report


class AnalysisCacheTest(PageTestCase):
    def categories(self, data):
        part = next(p for p in data["parts"] if p["part"]["slug"] == "suicidprevention")
        return part["aggregate"]

    def test_a_warm_analysis_comes_from_the_cache(self):
        cold = analyse_year(self.agreement)
        with CaptureQueriesContext(connection) as queries:
            warm = analyse_year(self.agreement)
        self.assertEqual(warm, cold)
        self.assertEqual(len(queries), 2)  # the two years' data versions only
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            analyse_year(self.agreement)
        self.assertGreater(len(queries), 20)

    def test_a_new_submission_changes_the_result(self):
        before = analyse_year(self.agreement)
        version = data_version(2020)
        report = make_report(county_org("05"), self.suicide_pot, status="draft")
        make_initiative(report, self.cat["kunskap-kompetens"], title="Ny insats")
        # A draft is not counted, but the version moved on; the figures are the same.
        self.assertNotEqual(data_version(2020), version)
        self.assertEqual(analyse_year(self.agreement)["coverage"], before["coverage"])
        report.status = "submitted"
        report.save()
        after = analyse_year(self.agreement)
        self.assertNotEqual(after["coverage"], before["coverage"])
        self.assertEqual(after, analyse_year(self.agreement))

    def test_recoding_and_texts_change_the_version(self):
        version = data_version(2020)
        coding = InitiativeCoding.objects.create(
            initiative=self.initiative, category=self.cat["kunskap-kompetens"]
        )
        self.assertNotEqual(data_version(2020), version)
        version = data_version(2020)
        coding.effect_measured = True
        coding.save()
        self.assertNotEqual(data_version(2020), version)
        version = data_version(2020)
        ReportText.objects.create(agreement=self.agreement, kind="introduction", body="Text")
        self.assertNotEqual(data_version(2020), version)
        version = data_version(2020)
        self.initiative.effects = "Annan effekt"
        self.initiative.save()
        self.assertNotEqual(data_version(2020), version)
        self.assertEqual(data_version(2020), data_version(2020))
