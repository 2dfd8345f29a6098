from stimulans.reporting import services
from stimulans.reporting.services.workflow import validate_report

from .base import ReportingTestCase, complete_answers


class ValidationTest(ReportingTestCase):
    def issues(self, **overrides):
        report, _c = services.get_or_create_report(self.stockholm, self.mobila_municipality)
        data = complete_answers(self.mobila_municipality, **overrides)
        services.save_draft(report, data, self.alice, report.version)
        return validate_report(report)

    def test_complete_answers_pass(self):
        self.assertEqual(self.issues(), [])

    def test_required_and_types_name_the_field(self):
        issues = self.issues(disruption="", funds_received_sek="tusen")
        self.assertEqual({i.field for i in issues}, {"disruption", "funds_received_sek"})
        self.assertTrue(any("Påverkades arbetet" in i for i in issues))

    def test_skip_logic(self):
        # Not relevant: not required.
        self.assertEqual(self.issues(disruption="no", disruption_description=""), [])
        issues = self.issues(disruption="other", disruption_description="")
        self.assertEqual([i.field for i in issues], ["disruption_description"])

    def test_constraint_message(self):
        issues = self.issues(support_needed=["none", "data"])
        self.assertEqual(len(issues), 1)
        self.assertIn("Inget stöd behövs", issues[0])

    def test_initiative_fields_name_the_initiative(self):
        data = complete_answers(self.mobila_municipality)
        row = dict(data["initiatives"][0], measurement="", title="Mobilt team")
        issues = self.issues(initiatives=[row])
        self.assertEqual(len(issues), 1)
        self.assertEqual(issues[0].initiative, 1)
        self.assertIn("Insats 1 (”Mobilt team”)", issues[0])

    def test_initiative_funds_add_up(self):
        data = complete_answers(self.mobila_municipality)
        row = dict(data["initiatives"][0], funds_sek="700000")
        other = dict(row, funds_sek="5000000", within_agreement="no")
        issues = self.issues(initiatives=[row, row | {"title": "Två"}, other])
        self.assertEqual(len(issues), 1)
        self.assertIn("1\u00a0400\u00a0000 kr", issues[0])
        self.assertIn("900\u00a0000 kr", issues[0])

    def test_funds_used_within_allocation_unless_explained(self):
        issues = self.issues(funds_used_sek="25000000")
        self.assertEqual([i.field for i in issues], ["funds_explanation"])
        self.assertEqual(
            self.issues(funds_used_sek="25000000", funds_explanation="Överförda medel från 2019"),
            [],
        )
        self.assertEqual(
            self.issues(funds_used_sek="25000000", funds_carried_over_sek="5000000"), []
        )

    def test_an_effect_without_a_goal_is_flagged(self):
        data = complete_answers(self.mobila_municipality)
        row = dict(data["initiatives"][0], goals="")
        issues = self.issues(initiatives=[row])
        self.assertTrue(any("effekt är angiven men inget mål" in i for i in issues))

    def test_funds_used_need_initiatives(self):
        issues = self.issues(initiatives=[])
        self.assertEqual([i.field for i in issues], ["initiatives"])
