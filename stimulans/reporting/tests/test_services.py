from django.core.exceptions import PermissionDenied

from stimulans.funds.models import Agreement, AgreementPart, Pot
from stimulans.reporting import services
from stimulans.reporting.models import Initiative, MeasureValue, Report, ReportStatus
from stimulans.reporting.services import ConcurrentEditError, WorkflowError

from .base import ReportingTestCase, complete_answers


class ServicesTest(ReportingTestCase):
    def report(self, org=None, pot=None):
        report, _created = services.get_or_create_report(
            org or self.stockholm, pot or self.mobila_municipality, self.alice
        )
        return report

    def test_it_creates_one_report_per_organisation_and_pot(self):
        a = self.report()
        b = self.report()
        self.assertEqual(a.pk, b.pk)
        with self.assertRaises(WorkflowError):
            services.get_or_create_report(self.stockholm, self.youth_region)

    def test_a_draft_saves_without_validation_and_keeps_raw_input(self):
        report = self.report()
        services.save_draft(
            report,
            {"funds_used_sek": "mycket", "disruption": "", "initiatives": [{"funds_sek": "x"}]},
            self.alice,
            report.version,
        )
        self.assertIsNone(report.funds_used_sek)
        values = services.report_values(report)
        self.assertEqual(values["funds_used_sek"], "mycket")
        self.assertEqual(values["initiatives"][0]["funds_sek"], "x")
        self.assertEqual(report.version, 2)

    def test_it_maps_answers_onto_models(self):
        report = self.report(self.region_stockholm, self.youth_region)
        data = complete_answers(self.youth_region)
        services.save_draft(report, data, self.regina, report.version)
        report.refresh_from_db()
        self.assertEqual(report.funds_used_sek, 900000)
        self.assertEqual(report.answers["disruption"], "pandemic")
        self.assertNotIn("funds_used_sek", report.answers)
        initiative = report.initiatives.get()
        self.assertEqual(initiative.funds_sek, 600000)
        self.assertTrue(initiative.effect_measured)
        self.assertEqual(initiative.effect_level, "target_group")
        self.assertEqual(initiative.category.pot, self.youth_region)
        self.assertEqual(
            MeasureValue.objects.get(report=report, code="bup.first_assessment.children").value,
            100,
        )
        self.assertEqual(services.submit(report, self.regina), [])

    def test_the_second_save_of_the_same_version_is_refused(self):
        report = self.report()
        version = report.version
        services.save_draft(report, {"funds_used_sek": "100"}, self.alice, version)
        with self.assertRaises(ConcurrentEditError):
            services.save_draft(report, {"funds_used_sek": "200"}, self.alice, version)
        report.refresh_from_db()
        self.assertEqual(report.funds_used_sek, 100)

    def test_initiatives_keep_their_identity_and_history(self):
        report = self.report()
        services.save_draft(
            report, {"initiatives": [{"title": "A"}, {"title": "B"}]}, self.alice, report.version
        )
        ids = list(report.initiatives.values_list("identifier", flat=True))
        services.save_draft(
            report,
            {"initiatives": [{"identifier": ids[1], "title": "B2"}]},
            self.alice,
            report.version,
        )
        self.assertEqual(list(report.initiatives.values_list("title", flat=True)), ["B2"])
        self.assertEqual(report.initiatives.get().identifier, ids[1])
        self.assertEqual(Initiative.history.filter(identifier=ids[1]).count(), 2)
        self.assertEqual(report.history.first().history_user, self.alice)

    def test_the_workflow(self):
        report = self.report()
        issues = services.submit(report, self.alice)
        self.assertTrue(issues)
        self.assertEqual(report.status, ReportStatus.DRAFT)
        services.save_draft(
            report, complete_answers(self.mobila_municipality), self.alice, report.version
        )
        self.assertEqual(services.submit(report, self.alice), [])
        self.assertEqual(report.status, ReportStatus.SUBMITTED)
        with self.assertRaises(WorkflowError):
            services.save_draft(report, {"funds_used_sek": "1"}, self.alice, report.version)
        with self.assertRaises(PermissionDenied):
            services.return_report(report, self.otto, "Fel län")
        with self.assertRaises(WorkflowError):
            services.return_report(report, self.cora, " ")
        services.return_report(report, self.cora, "Komplettera effekterna.")
        self.assertEqual(report.status, ReportStatus.RETURNED)
        self.assertEqual(report.return_comment, "Komplettera effekterna.")
        self.assertEqual(services.submit(report, self.alice), [])
        with self.assertRaises(PermissionDenied):
            services.approve_report(report, self.cora)
        services.approve_report(report, self.adam)
        self.assertEqual(report.status, ReportStatus.APPROVED)

    def test_others_may_not_edit_or_submit(self):
        report = self.report()
        for user in (self.bob, self.cora, self.anna, self.adam, self.charlie):
            with self.assertRaises(PermissionDenied):
                services.save_draft(report, {}, user, report.version)
            with self.assertRaises(PermissionDenied):
                services.submit(report, user)

    def test_it_prefills_from_the_previous_year(self):
        old_agreement = Agreement.objects.create(year=2019, title="2019", total_sek=1)
        part = AgreementPart.objects.create(
            agreement=old_agreement, slug="handlingsplaner-mobila", title="Mobila 2019"
        )
        old_pot = Pot.objects.create(
            part=part,
            recipient_kind="municipality",
            amount_sek=1,
            key=self.mobila_municipality.key,
        )
        old = Report.objects.create(
            organisation=self.stockholm,
            pot=old_pot,
            answers={"attachments": "Plan 2019", "disruption": "other"},
        )
        Initiative.objects.create(
            report=old, identifier="x", title="Gammal insats", goals="Mål", funds_sek=5
        )
        report = self.report()
        values = services.report_values(report)
        self.assertEqual(values["attachments"], "Plan 2019")
        self.assertNotIn("disruption", values)
        self.assertEqual(values["initiatives"][0]["title"], "Gammal insats")
        self.assertEqual(values["initiatives"][0]["funds_sek"], "")
        self.assertEqual(values["initiatives"][0]["phase"], "planned")

    def test_lateness(self):
        import datetime

        report = self.report()
        self.assertFalse(services.is_late(report, today=datetime.date(2021, 3, 31)))
        self.assertTrue(services.is_late(report, today=datetime.date(2021, 4, 1)))

    def test_answers_hidden_by_skip_logic_are_cleared_at_submission(self):
        report = self.report()
        data = complete_answers(self.mobila_municipality, disruption="no")
        data["disruption_description"] = "Gammal text"
        data["initiatives"][0].update(effects="", effect_level="target_group")
        services.save_draft(report, data, self.alice, report.version)
        self.assertEqual(services.submit(report, self.alice), [])
        self.assertNotIn("disruption_description", report.answers)
        initiative = report.initiatives.get()
        self.assertEqual(initiative.effect_level, "")
        self.assertEqual(initiative.measurement, "")
        self.assertEqual(report.status, "submitted")

    def test_odd_input_from_the_api_is_kept_raw_not_crashing(self):
        report = self.report()
        with self.assertRaises(ConcurrentEditError):
            services.save_draft(report, {}, self.alice, "not-a-number")
        services.save_draft(
            report,
            {
                "funds_used_sek": 1200.0,
                "initiatives": [
                    {"category": ["a"], "effect_level": "någon annan nivå", "phase": None}
                ],
            },
            self.alice,
            report.version,
        )
        self.assertEqual(report.funds_used_sek, 1200)
        initiative = report.initiatives.get()
        self.assertEqual(initiative.effect_level, "")
        self.assertEqual(initiative.extra["_raw"]["effect_level"], "någon annan nivå")
        self.assertTrue(services.submit(report, self.alice))  # incomplete, but no crash
