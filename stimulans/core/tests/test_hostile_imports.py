"""Property-based tests (hypothesis): whatever a file contains, the imports either accept it or
refuse it with messages that name a row, and a refused file leaves the database unchanged."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.models import PopulationDataset, PopulationFigure
from stimulans.organisations.population import PopulationImportError, import_population
from stimulans.organisations.reference import load_organisations
from stimulans.reporting.imports import ImportFileError, import_initiatives, import_measures
from stimulans.reporting.models import Initiative, MeasureValue, Report

ROW_MESSAGE = re.compile(r"(Rad \d+|rubrik|kolumn|Filen|tom|inga)", re.IGNORECASE)

cell = st.one_of(
    st.sampled_from(
        [
            "",
            "2020",
            "2019",
            "barn-unga",
            "suicidprevention",
            "region",
            "municipality",
            "county",
            "kommun",
            "01",
            "0180",
            "9999",
            "true",
            "false",
            "ja",
            "-5",
            "12.5",
            "1e9",
            "x" * 300,
            "samordning-projektledning",
            "kunskap-kompetens",
            "target_group",
            "organisation",
            "planned",
            "implemented",
            "<script>alert(1)</script>",
            "=SUM(A1)",
            "\u0000",
            "ö\"'",
            "bup.treatment.children",
            "first_line.children_seen",
            "10",
            "0",
        ]
    ),
    st.text(max_size=20),
)

INITIATIVE_HEADER = (
    "year,part,org_kind,org_code,initiative,category,activities,goals,outputs,effects,"
    "effect_level,effect_measured,funds_sek,phase,within_agreement"
)


def csv_line(cells):
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells)


def snapshot():
    return (
        list(Report.objects.order_by("pk").values_list("pk", "status", "version")),
        list(Initiative.objects.order_by("pk").values_list("pk", "identifier", "funds_sek")),
        list(MeasureValue.objects.order_by("pk").values_list("pk", "code", "value")),
    )


class HostileImportsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_organisations()
        load_agreement_2020()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(rows=st.lists(st.lists(cell, min_size=15, max_size=15), min_size=1, max_size=6))
    def test_initiatives_import_is_all_or_nothing(self, rows):
        before = snapshot()
        data = "\n".join([INITIATIVE_HEADER] + [csv_line(r) for r in rows]).encode("utf-8")
        try:
            import_initiatives(data)
        except ImportFileError as exc:
            assert exc.errors, "a refusal must say why"
            for message in exc.errors:
                assert ROW_MESSAGE.search(str(message)), message
            assert snapshot() == before
        else:
            # accepted: importing the same file again changes nothing
            after = snapshot()
            import_initiatives(data)
            assert snapshot() == after

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(rows=st.lists(st.lists(cell, min_size=5, max_size=5), min_size=1, max_size=6))
    def test_measures_import_is_all_or_nothing(self, rows):
        before = snapshot()
        data = "\n".join(["year,org_kind,org_code,measure,value"] + [csv_line(r) for r in rows])
        try:
            import_measures(data.encode("utf-8"))
        except ImportFileError as exc:
            for message in exc.errors:
                assert ROW_MESSAGE.search(str(message)), message
            assert snapshot() == before

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
    def test_population_import_never_crashes(self, data):
        before = list(PopulationFigure.objects.values_list("area_code", "age", "count"))
        try:
            import_population(b"region,\xc3\xa5lder,2019\n" + data, source="fuzz")
        except PopulationImportError as exc:
            assert exc.errors
            assert list(PopulationFigure.objects.values_list("area_code", "age", "count")) == (
                before
            )
            assert not PopulationDataset.objects.filter(source="fuzz").exists()
