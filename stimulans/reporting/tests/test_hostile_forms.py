"""Property-based tests (hypothesis) of the report form's validation: whatever is typed into
whichever field, a draft saves, a submission either lists problems that name a field of the
questionnaire (and leaves the report a draft) or goes through, and a report that goes through
satisfies the cross-checks."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from stimulans.accounts.models import Role
from stimulans.funds.models import Allocation, Pot
from stimulans.funds.services import allocate_agreement, load_agreement_2020
from stimulans.organisations.models import Organisation
from stimulans.organisations.reference import load_organisations
from stimulans.reporting import services, xlsform
from stimulans.reporting.models import ReportStatus
from stimulans.reporting.questionnaires.loader import load_questionnaires
from stimulans.test import make_population, make_user

TEXTS = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "1",
            "-1",
            "12,5",
            "1 000 000",
            "999999999999999999999",
            "abc",
            "yes",
            "no",
            "ja",
            "2020-02-30",
            "2021-03-01",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\u0000",
            "true",
            "false",
            "organisation",
            "target_group",
            "planned",
            "implemented",
            "verksamhetsutveckling",
            "kunskap-kompetens",
            "pandemic",
            "other",
        ]
    ),
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
VALUES = st.one_of(TEXTS, st.lists(TEXTS, max_size=3))


class HostileFormsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_organisations()
        agreement = load_agreement_2020()
        load_questionnaires(2020)
        make_population(2019)
        allocate_agreement(agreement)
        cls.region = Organisation.objects.get(kind="region", code="01")
        cls.user = make_user("regina", Role.REPORTER, cls.region)
        # The regions' child and youth pot has every kind of question, measures included.
        cls.pot = Pot.objects.get(part__slug="barn-unga", recipient_kind="region")
        cls.definition = cls.pot.questionnaire.definition
        cls.fields = [
            node["name"]
            for node, _a, repeat in xlsform.walk_fields(cls.definition)
            if repeat is None and node.get("type") != "note"
        ]
        cls.initiative_fields = [
            node["name"]
            for node, _a, repeat in xlsform.walk_fields(cls.definition)
            if repeat == xlsform.INITIATIVES and node.get("type") != "note"
        ]

    @pytest.mark.slow  # property-based: 40 examples
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_any_input_saves_and_submission_is_consistent(self, data):
        answers = data.draw(st.fixed_dictionaries({}, optional={f: VALUES for f in self.fields}))
        rows = data.draw(
            st.lists(
                st.fixed_dictionaries({}, optional={f: VALUES for f in self.initiative_fields}),
                max_size=3,
            )
        )
        answers[xlsform.INITIATIVES] = rows
        report, _created = services.get_or_create_report(self.region, self.pot, self.user)
        services.save_draft(report, answers, self.user, report.version)
        version = report.version
        issues = services.submit(report, self.user)
        report.refresh_from_db()
        known = set(self.fields) | set(self.initiative_fields) | {xlsform.INITIATIVES}
        if issues:
            self.assertEqual(report.status, ReportStatus.DRAFT)
            self.assertEqual(report.version, version)
            for issue in issues:
                self.assertTrue(str(issue).strip())
                if issue.field is not None:
                    self.assertIn(issue.field, known, issue)
        else:
            self.assertEqual(report.status, ReportStatus.SUBMITTED)
            used = report.funds_used_sek or 0
            within = sum(i.funds_sek or 0 for i in report.initiatives.all() if i.within_agreement)
            self.assertLessEqual(within, used)
            allocated = Allocation.objects.get(pot=self.pot, organisation=self.region).amount_sek
            if used > allocated + (report.funds_carried_over_sek or 0):
                self.assertTrue(report.funds_explanation.strip())

    def test_oversized_numbers_and_nul_characters_are_kept_as_typed_not_crashed_on(self):
        report, _created = services.get_or_create_report(self.region, self.pot, self.user)
        services.save_draft(
            report,
            {
                "funds_used_sek": "9" * 30,
                "funds_explanation": "före\x00efter",
                xlsform.INITIATIVES: [{"title": "T\x00", "funds_sek": str(2**63)}],
            },
            self.user,
            report.version,
        )
        report.refresh_from_db()
        self.assertIsNone(report.funds_used_sek)
        self.assertEqual(report.funds_explanation, "föreefter")
        initiative = report.initiatives.get()
        self.assertIsNone(initiative.funds_sek)
        self.assertEqual(initiative.title, "T")
        issues = services.submit(report, self.user)
        self.assertIn("funds_used_sek", {i.field for i in issues})
        self.assertIn("funds_sek", {i.field for i in issues if i.initiative == 1})

    @pytest.mark.slow  # property-based: 30 examples
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_any_autosave_is_kept_and_the_submission_applies_it(self, data):
        report, _created = services.get_or_create_report(self.region, self.pot, self.user)
        services.save_draft(
            report, {xlsform.INITIATIVES: [{"title": "En insats"}]}, self.user, report.version
        )
        keys = (
            [f"f-{name}" for name in self.fields]
            + [f"r-initiatives-{i}-{name}" for i in (0, 1) for name in self.initiative_fields]
            + ["f-okänd", "r-initiatives-x-title", "r-initiatives-0-identifier"]
        )
        changes = data.draw(
            st.dictionaries(st.sampled_from(keys), st.lists(TEXTS, max_size=3), max_size=12)
        )
        # As the view passes them on: NUL characters removed.
        changes = {k: [v.replace("\x00", "") for v in values] for k, values in changes.items()}
        version, _at = services.autosave(report.pk, changes, self.user, report.version)
        report.refresh_from_db()
        self.assertEqual(report.version, version)
        values = services.autosaved_values(report)
        self.assertEqual(values is None, not changes)
        issues = services.submit(report, self.user)
        report.refresh_from_db()
        self.assertIsNone(report.autosave_since)  # applied, whatever the outcome
        if issues:
            self.assertEqual(report.status, ReportStatus.DRAFT)
            typed = changes.get("f-funds_explanation")
            if typed is not None:
                expected = typed[-1].strip() if typed else ""
                self.assertEqual(report.funds_explanation, expected)
        else:
            self.assertEqual(report.status, ReportStatus.SUBMITTED)
