"""The whole workflow through the web pages, as each role: a reporter fills in, saves a draft,
comes back, submits; the county coordinator reads and returns it with a comment; the reporter
corrects and resubmits; the national administrator follows completeness, reminds and approves."""

from django.core import mail
from django.urls import reverse

from stimulans.reporting import services
from stimulans.reporting.models import Reminder, Report, ReportStatus

from .base import ReportingTestCase, complete_answers, make_report


def form_post(data, version, action="save"):
    """The report form's POST for `data` in the shape save_draft takes."""
    post = {"version": str(version), "action": action}
    for name, value in data.items():
        if name == "initiatives":
            for i, row in enumerate(value):
                post[f"r-initiatives-{i}-identifier"] = row.get("identifier", "")
                for key, v in row.items():
                    if key != "identifier":
                        post[f"r-initiatives-{i}-{key}"] = v
        else:
            post[f"f-{name}"] = value
    return post


class WorkflowTest(ReportingTestCase):
    def test_error_links_focus_the_first_control_and_the_actions_are_in_one_bar(self):
        report = make_report(self.stockholm, self.mobila_municipality, self.alice)
        edit = reverse("reporting:edit", args=[report.pk])
        data = complete_answers(report.pot, funds_used_sek="", support_needed=[])
        initiative = services.initiative_values(report.initiatives.get())
        data["initiatives"] = [dict(initiative, effect_level="")]
        self.login(self.alice)
        response = self.client.post(edit, form_post(data, report.version, "submit"))
        self.assertEqual(response.status_code, 400)
        summary = response.content.decode().split('class="error-summary"')[1].split("</div>")[0]
        # A text input by its own id; checkboxes and radios (also in an initiative) by the
        # first choice's.
        self.assertIn('href="#f-funds_used_sek"', summary)
        self.assertIn('href="#f-support_needed-0"', summary)
        self.assertIn('href="#r-initiatives-0-effect_level-0"', summary)
        self.assertIn('id="r-initiatives-0-effect_level-0"', response.content.decode())
        self.assertNotIn('href="#f-support_needed"', summary)
        # Enter still saves: the form's first submit button is the hidden "Spara utkast";
        # the visible actions sit in the sticky bar, "Skicka in" the primary one.
        form = response.content.decode().split('id="report-form"')[1]
        first = form.split("<button")[1]
        self.assertIn('value="save" class="default-action"', first)
        bar = form.split('class="actions sticky-actions"')[1].split("</div>")[0]
        self.assertIn('value="save" class="secondary">Spara utkast', bar)
        self.assertIn('value="submit" class="primary">Skicka in', bar)

    def test_the_whole_workflow(self):
        pot = self.mobila_municipality
        # The reporter sees the part with its allocation and starts the report.
        self.login(self.alice)
        page = self.client.get(reverse("reporting:my_reports"), {"ar": 2020})
        self.assertContains(page, "Fortsatt utvecklingsarbete")
        self.assertContains(page, "20\u00a0000\u00a0000")
        response = self.client.post(reverse("reporting:open", args=[pot.pk]))
        report = Report.objects.get(organisation=self.stockholm, pot=pot)
        edit = reverse("reporting:edit", args=[report.pk])
        self.assertRedirects(response, edit)
        page = self.client.get(edit)
        self.assertContains(page, "Erhållna stimulansmedel")
        self.assertContains(page, '<label for="f-funds_used_sek">')

        # Core answers, then initiatives one by one, saving a draft in between.
        data = complete_answers(pot)
        initiative = data.pop("initiatives")[0]
        response = self.client.post(edit, form_post(data, report.version, "add:initiatives"))
        self.assertRedirects(response, edit + "#r-initiatives-0", fetch_redirect_response=False)
        report.refresh_from_db()
        self.assertEqual(report.initiatives.count(), 1)
        identifier = report.initiatives.get().identifier
        data["initiatives"] = [dict(initiative, identifier=identifier)]
        response = self.client.post(edit, form_post(data, report.version))
        self.assertRedirects(response, edit, fetch_redirect_response=False)
        report.refresh_from_db()
        self.assertEqual(report.initiatives.get().title, "Mobilt team för unga vuxna")
        self.assertEqual(report.status, ReportStatus.DRAFT)

        # A week later: the draft is there; submitting lists what is missing.
        page = self.client.get(edit)
        self.assertContains(page, "Mobilt team för unga vuxna")
        incomplete = dict(data, disruption="")
        response = self.client.post(edit, form_post(incomplete, report.version, "submit"))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Redovisningen kan inte skickas in ännu", status_code=400)
        # The link focuses the radio group's first choice, not its legend.
        self.assertContains(response, 'href="#f-disruption-0"', status_code=400)
        self.assertContains(response, 'aria-describedby=" f-disruption-error"', status_code=400)
        report.refresh_from_db()
        # "Skicka in" saves the draft and shows what is being submitted; nothing is submitted
        # until the confirmation page's own "Skicka in".
        response = self.client.post(edit, form_post(data, report.version, "submit"))
        confirm = reverse("reporting:submit", args=[report.pk])
        self.assertRedirects(response, confirm)
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.DRAFT)
        page = self.client.get(confirm)
        self.assertContains(page, "<dt>Antal insatser</dt><dd>1</dd>", html=False)
        self.assertContains(page, "<dt>Använda medel</dt><dd>900\u00a0000 kr</dd>", html=False)
        self.assertContains(page, "kan den inte ändras")
        # A stale version (the report changed after the summary was shown) is refused.
        response = self.client.post(confirm, {"version": report.version - 1})
        self.assertContains(response, "har ändrats sedan sammanfattningen", status_code=409)
        response = self.client.post(confirm, {"version": report.version})
        self.assertRedirects(response, reverse("reporting:detail", args=[report.pk]))
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.SUBMITTED)

        # The county coordinator sees it in the county and returns it with a comment.
        self.login(self.cora)
        page = self.client.get(reverse("reporting:county_overview_own", args=[2020]))
        self.assertContains(page, "Stockholms kommun")
        self.assertContains(page, "Inskickad")
        detail = reverse("reporting:detail", args=[report.pk])
        page = self.client.get(detail)
        self.assertContains(page, "Mobilt team för unga vuxna")
        self.assertNotContains(page, "Godkänn redovisningen")
        comment = {"comment": "Beskriv hur effekten mättes mer utförligt."}
        returning = reverse("reporting:return", args=[report.pk])
        page = self.client.post(returning, comment)
        self.assertContains(page, "Återsänd redovisningen för komplettering?")
        self.assertContains(page, "Beskriv hur effekten mättes mer utförligt.")
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.SUBMITTED)
        self.client.post(returning, {**comment, "confirmed": "1", "version": report.version})
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.RETURNED)

        # The reporter sees the comment, corrects and resubmits.
        self.login(self.alice)
        page = self.client.get(edit)
        self.assertContains(page, "Beskriv hur effekten mättes mer utförligt.")
        data["initiatives"][0]["measurement"] = "Inläggningar 2019 och 2020 jämfördes (n=412)."
        self.client.post(edit, form_post(data, report.version, "submit"))
        report.refresh_from_db()
        self.client.post(confirm, {"version": report.version})
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.SUBMITTED)

        # The national administrator sees completeness, reminds the missing, approves.
        self.botkyrka.users.update(email="bob@botkyrka.example")
        self.login(self.adam)
        page = self.client.get(reverse("reporting:completeness", args=[2020]))
        self.assertContains(page, "1 / 3")
        page = self.client.get(reverse("reporting:pot_completeness", args=[2020, pot.pk]))
        self.assertContains(page, "Botkyrka")
        with self.captureOnCommitCallbacks(execute=True):  # the outbox sends after commit
            self.client.post(
                reverse("reporting:send_reminders", args=[2020, pot.pk]),
                {"organisation": [self.botkyrka.pk, self.stockholm.pk]},
            )
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["bob@botkyrka.example"])
        self.assertEqual(Reminder.objects.get().organisation, self.botkyrka)
        approving = reverse("reporting:approve", args=[report.pk])
        page = self.client.post(approving)
        self.assertContains(page, "Godkänn redovisningen?")
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.SUBMITTED)
        self.client.post(approving, {"confirmed": "1", "version": report.version})
        report.refresh_from_db()
        self.assertEqual(report.status, ReportStatus.APPROVED)

        # Every change is in the history, with who.
        page = self.client.get(reverse("reporting:history", args=[report.pk]))
        self.assertContains(page, "alice")
        self.assertContains(page, "cora")
        self.assertContains(page, "adam")
        self.assertContains(page, "Inläggningar 2019 och 2020 jämfördes")

    def test_a_second_save_of_the_same_version_is_refused_and_nothing_is_lost(self):
        self.login(self.alice)
        self.client.post(reverse("reporting:open", args=[self.mobila_municipality.pk]))
        report = Report.objects.get(organisation=self.stockholm)
        edit = reverse("reporting:edit", args=[report.pk])
        version = report.version
        self.client.post(edit, form_post({"funds_used_sek": "100"}, version))
        response = self.client.post(
            edit, form_post({"funds_used_sek": "200", "attachments": "Min text"}, version)
        )
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "ändrats av någon annan", status_code=409)
        self.assertContains(response, "Min text", status_code=409)
        report.refresh_from_db()
        self.assertEqual(report.funds_used_sek, 100)

    def test_removing_an_initiative_asks_first_and_can_be_undone(self):
        self.login(self.alice)
        self.client.post(reverse("reporting:open", args=[self.mobila_municipality.pk]))
        report = Report.objects.get(organisation=self.stockholm)
        edit = reverse("reporting:edit", args=[report.pk])
        data = {"initiatives": [{"title": "Ett", "goals": "Mål ett"}, {"title": "Två"}]}
        self.client.post(edit, form_post(data, report.version))
        report.refresh_from_db()
        ids = list(report.initiatives.values_list("identifier", flat=True))
        data = {
            "initiatives": [
                {"identifier": ids[0], "title": "Ettan", "goals": "Mål ett"},
                {"identifier": ids[1], "title": "Två"},
            ]
        }
        # "Ta bort insats 1" saves what was typed and asks, naming the initiative.
        response = self.client.post(edit, form_post(data, report.version, "remove:initiatives:0"))
        confirm = reverse("reporting:remove_initiative", args=[report.pk, ids[0]])
        self.assertRedirects(response, confirm)
        titles = list(report.initiatives.values_list("title", flat=True))
        self.assertEqual(titles, ["Ettan", "Två"])
        page = self.client.get(confirm)
        self.assertContains(page, "Ta bort insats 1?")
        self.assertContains(page, "<dd>Ettan</dd>", html=False)
        report.refresh_from_db()
        response = self.client.post(confirm, {"version": report.version})
        self.assertEqual(list(report.initiatives.values_list("title", flat=True)), ["Två"])
        # Right after, the form offers "Ångra": the initiative comes back with its answers,
        # in its place.
        page = self.client.get(response["Location"])
        self.assertContains(page, "Insatsen Ettan är borttagen.")
        self.assertContains(page, "Ångra</button>")
        record = page.context["undo"]["history_id"]
        response = self.client.post(
            reverse("reporting:restore_initiative", args=[report.pk]), {"record": record}
        )
        self.assertRedirects(response, edit + "#r-initiatives-0", fetch_redirect_response=False)
        restored = report.initiatives.order_by("order")
        self.assertEqual([i.title for i in restored], ["Ettan", "Två"])
        self.assertEqual(restored[0].goals, "Mål ett")
        self.assertEqual(restored[0].identifier, ids[0])
        # Restored once; the notice is gone and a second restore is refused with a message.
        self.assertNotContains(self.client.get(edit + f"?borttagen={record}"), "Ångra</button>")
        response = self.client.post(
            reverse("reporting:restore_initiative", args=[report.pk]),
            {"record": record},
            follow=True,
        )
        self.assertContains(response, "kan inte återställas")
        self.assertEqual(report.initiatives.count(), 2)

    def test_removing_on_a_stale_page_is_refused(self):
        self.login(self.alice)
        self.client.post(reverse("reporting:open", args=[self.mobila_municipality.pk]))
        report = Report.objects.get(organisation=self.stockholm)
        edit = reverse("reporting:edit", args=[report.pk])
        self.client.post(edit, form_post({"initiatives": [{"title": "Ett"}]}, report.version))
        initiative = report.initiatives.get()
        confirm = reverse("reporting:remove_initiative", args=[report.pk, initiative.identifier])
        report.refresh_from_db()
        response = self.client.post(confirm, {"version": report.version - 1})
        self.assertContains(response, "har ändrats sedan sidan visades", status_code=409)
        self.assertTrue(report.initiatives.exists())
        response = self.client.post(confirm, {})
        self.assertEqual(response.status_code, 409)
        self.assertTrue(report.initiatives.exists())

    def test_relevance_is_re_evaluated_with_htmx(self):
        self.login(self.alice)
        self.client.post(reverse("reporting:open", args=[self.mobila_municipality.pk]))
        report = Report.objects.get(organisation=self.stockholm)
        page = self.client.get(reverse("reporting:edit", args=[report.pk]))
        self.assertContains(page, 'id="f-disruption_description-wrap" hidden')
        response = self.client.post(
            reverse("reporting:relevance", args=[report.pk]),
            form_post({"disruption": "pandemic"}, report.version),
            HTTP_HX_REQUEST="true",
        )
        self.assertContains(response, 'id="f-disruption_description-wrap">')
        report.refresh_from_db()
        self.assertEqual(report.answers, {})
