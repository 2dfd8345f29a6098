from django.urls import reverse

from stimulans.reporting.models import Report

from .base import ReportingTestCase, make_report


class ReportEditTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:edit", args=[self.report.pk])

    def test_it_renders_labels_fieldsets_and_the_allocation(self):
        self.login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, "20\u00a0000\u00a0000 kr")
        self.assertContains(page, "<legend>Stimulansmedel</legend>")
        self.assertContains(page, '<label for="r-initiatives-0-title">')
        self.assertContains(page, 'name="version" id="report-version" value="2"')

    def test_the_forms_first_button_saves_so_enter_never_removes_an_initiative(self):
        """Enter in a one-line field presses the form's first submit button."""
        import re

        self.login(self.alice)
        page = self.client.get(self.url).content.decode()
        form = page[page.index('<form method="post" action="' + self.url) :]
        first = re.search(r"<button[^>]*>", form[: form.index("</form>")]).group(0)
        self.assertIn('type="submit"', first)
        self.assertIn('name="action" value="save"', first)
        self.assertIn('tabindex="-1"', first)
        # Even a post of a remove button only leads to the confirmation page.
        post = {
            "version": str(self.report.version),
            "action": "remove:initiatives:0",
            "r-initiatives-0-identifier": self.report.initiatives.get().identifier,
            "r-initiatives-0-title": "Mobilt team för unga vuxna",
        }
        response = self.client.post(self.url, post)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/ta-bort/", response["Location"])
        self.assertEqual(self.report.initiatives.count(), 1)

    def test_a_bad_remove_index_only_saves(self):
        self.login(self.alice)
        for action in ("remove:initiatives:x", "remove:initiatives:9", "remove:initiatives:²"):
            post = {"version": str(Report.objects.get(pk=self.report.pk).version)}
            post["action"] = action
            post["r-initiatives-0-identifier"] = self.report.initiatives.get().identifier
            response = self.client.post(self.url, post)
            self.assertRedirects(
                response, self.url + "#r-initiatives", fetch_redirect_response=False
            )
        self.assertEqual(self.report.initiatives.count(), 1)

    def test_a_submitted_report_is_read_only(self):
        self.report.status = "submitted"
        self.report.save()
        self.login(self.alice)
        response = self.client.get(self.url)
        self.assertRedirects(response, reverse("reporting:detail", args=[self.report.pk]))

    def test_it_checks_ownership(self):
        refused = [self.bob, self.charlie, self.regina, self.cora, self.otto, self.anna, self.adam]
        self.assertAccess(self.url, allowed=[self.alice], refused=refused, ok=200)
        post = {"version": str(self.report.version), "f-funds_used_sek": "1"}
        self.assertAccess(self.url, refused=refused, method="post", data=post)
        self.assertEqual(Report.objects.get(pk=self.report.pk).funds_used_sek, 900000)
