"""The report rules written once: Report.objects.counted() / is_counted, visible_to(user),
the form's action protocol and one form post in one transaction."""

from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from stimulans.reporting import services
from stimulans.reporting.forminputs import FormAction
from stimulans.reporting.models import Report, ReportStatus
from stimulans.reporting.services.formpost import post_form

from .base import ReportingTestCase, complete_answers, make_report


class ReportRulesTest(ReportingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = make_report(cls.botkyrka, cls.mobila_municipality, cls.bob)
        cls.submitted = make_report(cls.stockholm, cls.mobila_municipality, cls.alice, submit=True)
        cls.uppsala_report = make_report(cls.uppsala, cls.mobila_municipality, cls.charlie)
        Report.objects.filter(pk=cls.uppsala_report.pk).update(status=ReportStatus.APPROVED)
        cls.uppsala_report.refresh_from_db()

    def test_counted_is_submitted_or_approved(self):
        self.assertEqual(set(Report.objects.counted()), {self.submitted, self.uppsala_report})
        self.assertFalse(self.draft.is_counted)
        self.assertTrue(self.submitted.is_counted)
        self.assertTrue(self.uppsala_report.is_counted)
        Report.objects.filter(pk=self.submitted.pk).update(status=ReportStatus.RETURNED)
        self.submitted.refresh_from_db()
        self.assertFalse(self.submitted.is_counted)
        self.assertTrue(self.submitted.is_editable)
        self.assertEqual(set(Report.objects.counted()), {self.uppsala_report})

    def test_visible_to(self):
        everything = {self.draft, self.submitted, self.uppsala_report}
        visible = Report.objects.visible_to
        self.assertEqual(set(visible(self.alice)), {self.submitted})
        self.assertEqual(set(visible(self.bob)), {self.draft})
        self.assertEqual(set(visible(self.cora)), {self.draft, self.submitted})
        self.assertEqual(set(visible(self.otto)), {self.uppsala_report})
        self.assertEqual(set(visible(self.anna)), everything)
        self.assertEqual(set(visible(self.adam)), everything)
        self.assertEqual(list(visible(AnonymousUser())), [])

    def test_form_action_is_parsed_once(self):
        repeats = ["initiatives"]
        self.assertEqual(FormAction.parse(None, repeats), FormAction("save"))
        self.assertEqual(FormAction.parse("submit", repeats), FormAction("submit"))
        self.assertEqual(
            FormAction.parse("add:initiatives", repeats), FormAction("add", "initiatives")
        )
        self.assertEqual(FormAction.parse("add:other", repeats), FormAction("save"))
        self.assertEqual(
            FormAction.parse("remove:initiatives:2", repeats),
            FormAction("remove", "initiatives", index=2),
        )
        self.assertEqual(
            FormAction.parse("remove:initiatives:²", repeats),
            FormAction("remove", "initiatives", index=None),
        )
        self.assertEqual(
            FormAction.parse("remove_attachment:12", repeats),
            FormAction("remove_attachment", attachment_id=12),
        )
        self.assertEqual(
            FormAction.parse("remove_attachment:x", repeats),
            FormAction("remove_attachment", attachment_id=None),
        )

    def test_post_form_saves_rows_and_attachments(self):
        """One call: the answers, the added row and the attachment; a stale version refuses
        the whole post (the attachment's removal included); "remove" names the initiative."""
        report = self.draft
        data = complete_answers(self.mobila_municipality, funds_used_sek="123")
        upload = SimpleUploadedFile("plan.txt", b"Plan", content_type="text/plain")
        result = post_form(
            report, data, FormAction("add", "initiatives"), upload, self.bob, report.version
        )
        report.refresh_from_db()
        self.assertEqual(report.funds_used_sek, 123)
        self.assertEqual(report.attachments.count(), 1)
        self.assertEqual(result.added_row, 1)
        self.assertEqual(report.initiatives.count(), 2)
        attachment = report.attachments.get()
        stale = report.version - 1
        with self.assertRaises(services.ConcurrentEditError):
            post_form(
                report,
                complete_answers(self.mobila_municipality, funds_used_sek="5"),
                FormAction("remove_attachment", attachment_id=attachment.pk),
                None,
                self.bob,
                stale,
            )
        report.refresh_from_db()
        self.assertEqual(report.funds_used_sek, 123)
        self.assertEqual(report.attachments.count(), 1)
        result = post_form(
            report,
            services.report_values(report),
            FormAction("remove", "initiatives", index=1),
            None,
            self.bob,
            report.version,
        )
        self.assertEqual(
            result.remove_identifier,
            report.initiatives.order_by("order", "pk")[1].identifier,
        )
