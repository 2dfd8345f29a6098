"""The reports' answers to the support question flow in as needs (signal and sync)."""

from django.core.management import call_command

from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.models import Report
from stimulans.reporting.questionnaires.loader import load_questionnaires_2020
from stimulans.support.models import SupportNeed, SupportTheme
from stimulans.support.reference import load_support_reference
from stimulans.support.report_needs import apply_suggestions, sync_report_needs
from stimulans.test import BaseTestCase


class ReportNeedsTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()
        load_questionnaires_2020()
        load_support_reference()
        cls.pot = Pot.objects.get(part__slug="god-vard", recipient_kind="municipality")

    def report(self, status="submitted", choices=("knowledge", "data"), org=None):
        return Report.objects.create(
            organisation=org or self.stockholm,
            pot=self.pot,
            status=status,
            answers={"support_needed": list(choices), "support_description": "Mått"},
        )

    def test_a_submitted_report_gives_one_need_per_choice_after_commit(self):
        with self.captureOnCommitCallbacks(execute=True):
            report = self.report()
        needs = SupportNeed.objects.filter(report=report).order_by("report_choice")
        self.assertEqual(
            [(n.report_choice, n.description, n.year, n.part.slug, n.county_id) for n in needs],
            [
                (
                    "data",
                    "Stöd i uppföljning och data: Mått",
                    2020,
                    "god-vard",
                    self.stockholm.county_id,
                ),
                (
                    "knowledge",
                    "Kunskapsstöd och vägledning: Mått",
                    2020,
                    "god-vard",
                    self.stockholm.county_id,
                ),
            ],
        )

    def test_drafts_and_no_need_give_nothing(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.report(status="draft")
            self.report(choices=["none"], org=self.botkyrka)
        self.assertEqual(SupportNeed.objects.count(), 0)

    def test_sync_is_idempotent_keeps_coding_and_follows_changed_answers(self):
        report = self.report()
        self.assertEqual(sync_report_needs(2020), (2, 0))
        self.assertEqual(sync_report_needs(2020), (0, 0))
        self.assertEqual(apply_suggestions(self.anna), 2)
        self.assertEqual(apply_suggestions(self.anna), 0)
        report.answers = {"support_needed": ["knowledge", "networks"]}
        Report.objects.filter(pk=report.pk).update(answers=report.answers)
        self.assertEqual(sync_report_needs(), (1, 1))
        needs = {n.report_choice: n for n in SupportNeed.objects.filter(report=report)}
        self.assertEqual(set(needs), {"knowledge", "networks"})
        self.assertEqual(needs["knowledge"].theme.code, "kunskapsstod")
        self.assertEqual(needs["knowledge"].description, "Kunskapsstöd och vägledning")
        self.assertIsNone(needs["networks"].theme)

    def test_a_returned_report_keeps_its_needs_uncounted(self):
        report = self.report()
        sync_report_needs()
        Report.objects.filter(pk=report.pk).update(status="returned")
        self.assertEqual(SupportNeed.objects.filter(report=report).count(), 2)
        self.assertEqual(SupportNeed.objects.counted().count(), 0)

    def test_the_command_reads_them_in(self):
        self.report()
        call_command("sync_support_needs", "--year", "2020", "--suggestions")
        self.assertEqual(SupportNeed.objects.filter(theme__isnull=False).count(), 2)
        self.assertEqual(SupportTheme.objects.count(), 12)
        self.assertEqual(SupportTheme.objects.filter(prioritised=True).count(), 5)
