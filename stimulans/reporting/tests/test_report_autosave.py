from django.urls import reverse

from stimulans.lib.htmlforms import form_fields
from stimulans.reporting import services
from stimulans.reporting.models import Report, ReportAutosave

from .base import ReportingTestCase, make_report


class ReportAutosaveTest(ReportingTestCase):
    def setUp(self):
        self.report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        self.url = reverse("reporting:autosave", args=[self.report.pk])
        self.edit_url = reverse("reporting:edit", args=[self.report.pk])

    def autosave_data(self, version=None, cleared=(), page="", **changes):
        """What the page posts: the changed inputs, the names of inputs left empty, the
        version and the page's token."""
        data = {k.replace("__", "-"): v for k, v in changes.items()}
        data["version"] = str(version or Report.objects.get(pk=self.report.pk).version)
        data["cleared"] = list(cleared)
        data["page"] = page
        return data

    def autosave(self, version=None, cleared=(), page="", **changes):
        data = self.autosave_data(version, cleared, page, **changes)
        return self.client.post(self.url, data, HTTP_HX_REQUEST="true")

    def full_form(self, **changes):
        """The whole form as the page shows it now, with changes, as the save button posts it."""
        page = self.client.get(self.edit_url).content.decode()
        data = {}
        for key, value in form_fields(page):
            data.setdefault(key, []).append(value)
        data.update({k: [v] for k, v in changes.items()})
        data["action"] = ["save"]
        return data

    def test_each_page_load_has_its_own_token(self):
        self.login(self.alice)
        first, second = self.full_form()["page"], self.full_form()["page"]
        self.assertEqual(len(first[0]), 32)
        self.assertNotEqual(first, second)

    def test_it_keeps_the_changed_inputs_and_moves_the_version_on(self):
        self.login(self.alice)
        before = self.report.version
        response = self.autosave(f__funds_explanation="Skrivet nyss")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Utkastet sparades automatiskt kl.")
        self.assertContains(response, f'id="report-version" value="{before + 1}"')
        report = Report.objects.get(pk=self.report.pk)
        self.assertEqual(report.version, before + 1)
        self.assertEqual(report.autosave_since, before)
        saved = ReportAutosave.objects.get(report=report)
        self.assertEqual(saved.changes, {"f-funds_explanation": ["Skrivet nyss"]})
        self.assertEqual((saved.version, saved.saved_by), (before + 1, self.alice))
        # The saved columns and rows are untouched until the next full save.
        self.assertEqual(report.funds_explanation, "")
        # The history page lists it with the question it changed.
        history = self.client.get(reverse("reporting:history", args=[self.report.pk]))
        self.assertContains(history, "Automatiskt sparat utkast")
        self.assertContains(history, "ändrade svar: Förklaring av medelsanvändningen")

    def test_the_form_shows_the_autosaves_and_the_full_save_applies_them(self):
        self.login(self.alice)
        initiative = self.report.initiatives.get()
        self.autosave(f__funds_explanation="Skrivet nyss")
        self.autosave(f__funds_used_sek="850000", r__initiatives__0__title="Ny rubrik")
        self.autosave(cleared=["f-support_needed"])
        page = self.client.get(self.edit_url)
        self.assertContains(page, "Skrivet nyss</textarea>")
        self.assertContains(page, 'value="850000"')
        self.assertContains(page, 'value="Ny rubrik"')
        self.assertNotContains(page, 'name="f-support_needed" value="knowledge" checked')
        self.assertContains(page, "Utkastet sparades automatiskt kl.")
        detail = self.client.get(reverse("reporting:detail", args=[self.report.pk]))
        self.assertContains(detail, "ännu inte har sparats i redovisningen")

        self.assertEqual(self.client.post(self.edit_url, self.full_form()).status_code, 302)
        report = Report.objects.get(pk=self.report.pk)
        self.assertIsNone(report.autosave_since)
        self.assertEqual(report.funds_explanation, "Skrivet nyss")
        self.assertEqual(report.funds_used_sek, 850000)
        self.assertFalse(report.answers.get("support_needed"))
        initiative.refresh_from_db()
        self.assertEqual(initiative.title, "Ny rubrik")
        # Applied: the form now shows the saved answers, with no autosave pending.
        self.assertNotContains(self.client.get(self.edit_url), "sparades automatiskt kl.")

    def test_a_save_clicked_while_the_autosave_was_on_its_way_is_not_a_conflict(self):
        self.login(self.alice)
        form = self.full_form(**{"f-funds_explanation": "Tredje"})
        page = form["page"][0]
        self.autosave(f__funds_explanation="Första", page=page)
        self.autosave(f__funds_explanation="Andra", page=page)
        # The button's post still carries the version the page had before both autosaves.
        self.assertEqual(self.client.post(self.edit_url, form).status_code, 302)
        report = Report.objects.get(pk=self.report.pk)
        self.assertEqual(report.funds_explanation, "Tredje")
        self.assertIsNone(report.autosave_since)

    def test_someone_elses_autosave_in_between_is_a_conflict(self):
        from stimulans.accounts.models import Role
        from stimulans.test import make_user

        colleague = make_user("alva", Role.REPORTER, self.stockholm)
        self.login(self.alice)
        form = self.full_form(**{"f-funds_explanation": "Alice"})
        version = self.report.version
        self.login(colleague)
        self.assertEqual(self.autosave(f__funds_explanation="Kollegan").status_code, 200)
        self.login(self.alice)
        response = self.autosave(version=version, f__funds_explanation="Alice")
        self.assertContains(response, "har ändrats av någon annan", status_code=409)
        self.assertNotContains(response, "report-version", status_code=409)
        self.assertEqual(self.client.post(self.edit_url, form).status_code, 409)
        self.assertEqual(
            list(ReportAutosave.objects.values_list("changes", flat=True)),
            [{"f-funds_explanation": ["Kollegan"]}],
        )
        self.assertEqual(Report.objects.get(pk=self.report.pk).version, version + 1)

    def test_two_tabs_of_the_same_user_conflict_and_nothing_is_lost(self):
        self.login(self.alice)
        tab2 = self.full_form(**{"f-funds_explanation": "Från flik 2"})  # opened first
        tab1 = self.full_form()
        version = self.report.version
        response = self.autosave(f__funds_explanation="Från flik 1", page=tab1["page"][0])
        self.assertEqual(response.status_code, 200)
        # Tab 2 saves on the version it was loaded with: refused, with both versions shown.
        response = self.client.post(self.edit_url, tab2)
        self.assertContains(response, "har ändrats av någon annan", status_code=409)
        self.assertContains(response, "Två versioner", status_code=409)
        conflict = response.context["conflict"]
        self.assertIn(
            ("Förklaring av medelsanvändningen", "Från flik 2", "Från flik 1"),
            [(str(q), yours, saved) for q, yours, saved in conflict],
        )
        self.assertContains(response, "Från flik 2</textarea>", status_code=409)
        # Tab 1's autosave is kept, and tab 2's autosave is refused as well.
        report = Report.objects.get(pk=self.report.pk)
        self.assertEqual((report.version, report.funds_explanation), (version + 1, ""))
        self.assertEqual(services.autosaved_values(report)["funds_explanation"], "Från flik 1")
        refused = self.autosave(
            version=version, f__funds_explanation="Flik 2 igen", page=tab2["page"][0]
        )
        self.assertEqual(refused.status_code, 409)
        # The conflict page's form is on the saved version: saving it keeps tab 2's answers
        # deliberately; the history has both.
        again = {}
        for key, value in form_fields(response.content.decode()):
            again.setdefault(key, []).append(value)
        again["action"] = ["save"]
        self.assertEqual(self.client.post(self.edit_url, again).status_code, 302)
        report.refresh_from_db()
        self.assertEqual(report.funds_explanation, "Från flik 2")
        self.assertEqual(
            list(ReportAutosave.objects.values_list("changes", flat=True)),
            [{"f-funds_explanation": ["Från flik 1"]}],
        )

    def test_an_autosave_over_the_size_limit_is_refused_with_a_message(self):
        self.login(self.alice)
        version = self.report.version
        big = "x" * (services.AUTOSAVE_MAX_BYTES + 1)
        response = self.autosave(f__funds_explanation=big)
        self.assertContains(response, "för stora för att sparas automatiskt", status_code=413)
        self.assertContains(response, "256 kB", status_code=413)
        self.assertEqual(Report.objects.get(pk=self.report.pk).version, version)
        self.assertFalse(ReportAutosave.objects.exists())
        # Just under the limit is kept.
        near = "x" * (services.AUTOSAVE_MAX_BYTES - 1000)
        self.assertEqual(self.autosave(f__funds_explanation=near).status_code, 200)

    def test_an_empty_autosave_writes_nothing(self):
        self.login(self.alice)
        version = self.report.version
        self.assertEqual(self.autosave().status_code, 200)
        self.assertEqual(Report.objects.get(pk=self.report.pk).version, version)
        self.assertFalse(ReportAutosave.objects.exists())

    def test_submitting_applies_pending_autosaves(self):
        self.login(self.alice)
        self.autosave(f__funds_explanation="Från autosparningen")
        report = Report.objects.get(pk=self.report.pk)
        self.assertEqual(services.submit(report, self.alice), [])
        report.refresh_from_db()
        self.assertEqual(report.status, "submitted")
        self.assertEqual(report.funds_explanation, "Från autosparningen")
        self.assertIsNone(report.autosave_since)

    def test_a_submitted_report_is_refused_with_a_message(self):
        services.submit(self.report, self.alice)
        self.login(self.alice)
        response = self.autosave(f__funds_explanation="För sent")
        self.assertContains(response, "inskickad", status_code=409)
        self.assertFalse(ReportAutosave.objects.exists())

    def test_it_keeps_only_the_forms_inputs_and_no_nul_characters(self):
        self.login(self.alice)
        self.autosave(f__funds_explanation="a\x00b", evil="x", cleared=["version", "f-new"])
        saved = ReportAutosave.objects.get()
        self.assertEqual(saved.changes, {"f-funds_explanation": ["ab"], "f-new": []})
        # An input the questionnaire does not have is kept in the history, ignored by the form.
        self.assertEqual(self.client.get(self.edit_url).status_code, 200)

    def test_an_unknown_report_is_404(self):
        self.login(self.alice)
        url = reverse("reporting:autosave", args=[self.report.pk + 1000])
        self.assertEqual(self.client.post(url, {"version": "1"}).status_code, 404)

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            refused=[
                self.bob,
                self.charlie,
                self.regina,
                self.cora,
                self.otto,
                self.anna,
                self.adam,
            ],
            method="post",
            data=self.autosave_data(f__funds_explanation="Inkräktare"),
            HTTP_HX_REQUEST="true",
        )
        self.login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 405)
        self.assertFalse(ReportAutosave.objects.exists())
        self.assertEqual(self.autosave(f__funds_explanation="Egen").status_code, 200)
        self.assertEqual(ReportAutosave.objects.count(), 1)
