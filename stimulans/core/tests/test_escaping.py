"""Hostile free text: markup and script submitted in every free-text field through the pages
(a report and its initiatives, its return comment, an attachment's name, a county action plan
and a comment on it, an analyst's coding note, a requisition note, a set-aside note, the status
report's summary) is shown escaped on every page that renders it, comes back from the JSON APIs
as data, and does not break the Word, Excel, PDF, CSV and YAML downloads."""

import io
import json
import re
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from rest_framework.authtoken.models import Token

from stimulans.analysis.models import StatusReport
from stimulans.core.setup import load_reference_data
from stimulans.funds.models import Agreement, Allocation, Pot
from stimulans.funds.services import allocate_agreement
from stimulans.organisations.models import OrganisationKind
from stimulans.plans.models import ActionPlan, PlanScope
from stimulans.reporting import services
from stimulans.reporting.models import Initiative, Report
from stimulans.test import BaseTestCase, make_population

RAW = ("<script>", "<b onmouseover", "<xss")
ESCAPED = "&lt;script&gt;alert("


def payload(tag):
    """Markup and script, marked with `tag` so that each field can be found on the pages."""
    return f"<script>alert('{tag}')</script><b onmouseover=alert(1)>{tag}"


def short_payload(tag, length):
    """For a field that takes at most `length` characters."""
    return f"<xss>{tag}"[:length]


class FormFields(HTMLParser):
    """The fields of one <form method="post"> of a page (the first whose action contains
    `action`, or that has none, when `action` is the page's URL):
    [{"tag", "name", "type", "value", "checked", "inputmode", "options"}]."""

    def __init__(self, action=""):
        super().__init__()
        self.action = action
        self.inside = False
        self.done = False
        self.fields = []
        self.current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        target = a.get("action") or self.action  # no action: the page itself
        if tag == "form" and not self.done and a.get("method") == "post" and self.action in target:
            self.inside = True
            return
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            self.fields.append(
                {
                    "tag": "input",
                    "name": a["name"],
                    "type": (a.get("type") or "text").lower(),
                    "value": a.get("value") or "",
                    "checked": "checked" in a,
                    "inputmode": a.get("inputmode"),
                    "maxlength": a.get("maxlength"),
                    "max": a.get("max"),
                }
            )
        elif tag in ("textarea", "select") and a.get("name"):
            self.current = {
                "tag": tag,
                "name": a["name"],
                "value": "",
                "options": [],
                "maxlength": a.get("maxlength"),
            }
            self.fields.append(self.current)
        elif tag == "option" and self.current is not None and self.current["tag"] == "select":
            self.current["options"].append((a.get("value") or "", "selected" in a))

    def handle_data(self, data):
        if self.current is not None and self.current["tag"] == "textarea":
            self.current["value"] += data

    def handle_endtag(self, tag):
        if tag in ("textarea", "select"):
            self.current = None
        elif tag == "form" and self.inside:
            self.inside = False
            self.done = True


def form_fields(html, action=""):
    parser = FormFields(action)
    parser.feed(html)
    return parser.fields


def fill(fields, numbers_too=False, values=None, prefix=""):
    """POST data for `fields`: the payload in every free-text field (and, with `numbers_too`,
    in the numeric ones), a valid value in every other. `values` collects the hostile values
    (tagged with `prefix` + the field's name), to be looked for on the pages."""
    data = {}
    values = values if values is not None else []

    def hostile(f):
        tag = prefix + f["name"]
        value = payload(tag)
        if f.get("maxlength") and int(f["maxlength"]) < len(value):
            value = short_payload(tag, int(f["maxlength"]))
        values.append(value)
        return value

    for f in fields:
        name, kind = f["name"], f.get("type")
        if f["tag"] == "textarea":
            data[name] = hostile(f)
        elif f["tag"] == "select":
            options = [v for v, _selected in f["options"] if v]
            selected = [v for v, s in f["options"] if s and v]
            if options:
                data[name] = selected[0] if selected else options[0]
        elif kind in ("hidden", "submit", "button", "file", "image", "reset"):
            if kind == "hidden":
                data[name] = f["value"]
        elif kind in ("checkbox", "radio"):
            if name not in data:
                data[name] = f["value"] or "on"
        elif kind == "date":
            data[name] = "2021-01-15"
        elif kind == "number" or f.get("inputmode") in ("numeric", "decimal"):
            if numbers_too:
                data[name] = hostile(f)
            else:  # a valid number: 1000, or the field's largest where it has one below
                data[name] = "1000" if not f.get("max") else str(min(1000, float(f["max"])))
        elif kind == "email":
            data[name] = "test@example.se"
        elif kind == "url":
            data[name] = "https://example.se/"
        else:
            data[name] = hostile(f)
    return data


class EscapingTest(BaseTestCase):
    """The data is entered once, through the pages, in setUpTestData; each test reads pages."""

    @classmethod
    def post(cls, client, url, data, expect=302):
        response = client.post(url, data)
        assert response.status_code == expect, (url, response.status_code, _errors(response))
        return response

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_reference_data()
        make_population(2019)
        cls.agreement = Agreement.objects.get(year=2020)
        allocate_agreement(cls.agreement)
        cls.pot = Pot.objects.get(
            part__agreement=cls.agreement,
            part__slug="handlingsplaner-mobila",
            recipient_kind=OrganisationKind.MUNICIPALITY,
        )
        alice, cora, adam, anna = Client(), Client(), Client(), Client()
        alice.force_login(cls.alice)
        cora.force_login(cls.cora)
        adam.force_login(cls.adam)
        anna.force_login(cls.anna)
        cls.enter_report(alice, cora, adam)
        cls.enter_requisition_and_set_aside(alice, cora)
        cls.enter_plan(cora, adam)
        cls.enter_coding(anna)
        StatusReport.objects.update_or_create(
            agreement=cls.agreement, defaults={"summary": payload("summary"), "published": True}
        )

    @classmethod
    def enter_report(cls, alice, cora, adam):
        """alice opens the report, adds two initiatives, saves the payload in every field (the
        numeric ones too, which a draft keeps as typed), then a valid draft with the payload in
        every text field and an attachment with markup in its name, and submits; cora returns it
        with a hostile comment; alice submits again and adam approves."""
        response = cls.post(alice, reverse("reporting:open", args=[cls.pot.pk]), {})
        cls.report = Report.objects.get(organisation=cls.stockholm, pot=cls.pot)
        edit = reverse("reporting:edit", args=[cls.report.pk])
        for _n in range(2):
            fields = form_fields(alice.get(edit).content.decode(), edit)
            cls.post(alice, edit, {**fill(fields), "action": "add:initiatives"})
        # Everything hostile, numbers included: a draft stores what it is given.
        fields = form_fields(alice.get(edit).content.decode(), edit)
        cls.draft_values = []
        cls.post(alice, edit, {**fill(fields, True, cls.draft_values), "action": "save"})
        cls.draft_page = alice.get(edit).content.decode()
        # Then numbers that add up, the payload in every text field, and submit.
        fields = form_fields(cls.draft_page, edit)
        cls.text_values = []
        data = fill(fields, values=cls.text_values)
        for name in data:
            if name.endswith("funds_sek"):
                data[name] = "1000"
        data["f-funds_received_sek"] = "1000000"
        data["f-funds_used_sek"] = "2000"
        data["attachment"] = SimpleUploadedFile(
            "<b onmouseover=alert(1)>bilaga.txt", b"text", content_type="text/plain"
        )
        response = alice.post(edit, {**data, "action": "save"})
        assert response.status_code == 302, _errors(response)
        cls.saved_page = alice.get(edit).content.decode()
        fields = form_fields(cls.saved_page, edit)
        data = {f["name"]: f["value"] for f in fields if f.get("type") == "hidden"}
        response = alice.post(edit, {**_current(fields), **data, "action": "submit"})
        assert response.status_code == 302, _errors(response)
        cls.confirm_submission(alice)
        cls.report.refresh_from_db()
        assert cls.report.status == "submitted", cls.report.status
        returning = reverse("reporting:return", args=[cls.report.pk])
        comment = {"comment": payload("return_comment")}
        cls.return_confirmation = cls.post(cora, returning, comment, expect=200).content.decode()
        cls.report.refresh_from_db()
        cls.post(cora, returning, {**comment, "confirmed": "1", "version": cls.report.version})
        cls.returned_page = alice.get(edit).content.decode()
        cls.returned_detail = alice.get(
            reverse("reporting:detail", args=[cls.report.pk])
        ).content.decode()
        fields = form_fields(cls.returned_page, edit)
        cls.post(alice, edit, {**_current(fields), "action": "submit"})
        cls.confirm_submission(alice)
        cls.report.refresh_from_db()
        cls.post(
            adam,
            reverse("reporting:approve", args=[cls.report.pk]),
            {"confirmed": "1", "version": cls.report.version},
        )
        cls.report.refresh_from_db()
        assert cls.report.status == "approved", cls.report.status
        # Answers that skip logic hides were cleared at submission; the rest must show.
        stored = json.dumps(services.report_values(cls.report), ensure_ascii=False)
        cls.stored_values = [v for v in cls.text_values if json.dumps(v)[1:-1] in stored]
        assert len(cls.stored_values) > 15, cls.stored_values

    @classmethod
    def confirm_submission(cls, client):
        """The second step of "Skicka in": the summary page, then its button."""
        url = reverse("reporting:submit", args=[cls.report.pk])
        cls.submit_confirmation = client.get(url).content.decode()
        version = {f["name"]: f["value"] for f in form_fields(cls.submit_confirmation, url)}
        cls.post(client, url, version)

    @classmethod
    def enter_requisition_and_set_aside(cls, alice, cora):
        cls.allocation = Allocation.objects.get(pot=cls.pot, organisation=cls.stockholm)
        cls.post(
            alice,
            reverse(
                "organisations:requisition_create",
                args=["municipality", "0180", cls.allocation.pk],
            ),
            {"amount_sek": "1000", "note": payload("requisition_note")},
        )
        cls.post(
            cora,
            reverse("organisations:set_aside_create", args=["county", "01"]),
            {"year": "2020", "rule": "fixed", "amount_sek": "1000", "note": payload("set_aside")},
        )

    @classmethod
    def enter_plan(cls, cora, adam):
        """cora creates Stockholm's 2020 plan and fills every form of it with the payload: the
        plan's own fields and one of each kind of item; publishes it, starts a new version and
        changes it (for the diff); adam comments."""
        cls.post(
            cora,
            reverse("plans:plan_create"),
            {"scope": PlanScope.COUNTY, "county": cls.county_stockholm.county_id, "year": "2020"},
        )
        plan = ActionPlan.objects.get(scope=PlanScope.COUNTY, county__code="01", year=2020)
        cls.plan_values = []
        cls.fill_plan(cora, plan, cls.plan_values)
        detail = reverse("plans:plan_detail", args=[plan.pk])
        page = cora.get(detail).content.decode()
        publish = reverse("plans:plan_publish", args=[plan.pk])
        # Publishing asks first; the confirmation page (showing the plan's name) posts again.
        page = cls.post(cora, publish, fill(form_fields(page, publish)), expect=200)
        cls.post(cora, publish, fill(form_fields(page.content.decode(), publish)))
        plan.refresh_from_db()
        assert plan.is_published, plan.status
        cls.post(cora, reverse("plans:plan_new_version", args=[plan.pk]), {})
        cls.plan_v1 = plan
        cls.plan = ActionPlan.objects.exclude(pk=plan.pk).get(county__code="01", year=2020)
        edit = reverse("plans:plan_edit", args=[cls.plan.pk])
        fields = form_fields(cora.get(edit).content.decode(), edit)
        data = fill(fields)
        data["title"] = payload("title-v2")
        cls.post(cora, edit, data)
        cls.post(
            adam,
            reverse("plans:plan_comment", args=[cls.plan.pk]),
            {"body": payload("plan_comment")},
        )

    @classmethod
    def fill_plan(cls, client, plan, values):
        edit = reverse("plans:plan_edit", args=[plan.pk])
        cls.post(
            client, edit, fill(form_fields(client.get(edit).content.decode(), edit), values=values)
        )
        from stimulans.plans.views.items import ITEM_KINDS

        for kind in ITEM_KINDS:
            url = reverse("plans:item_create", args=[plan.pk, kind])
            fields = form_fields(client.get(url).content.decode(), url)
            data = fill(fields, values=values, prefix=f"{kind}-")
            if kind == "bilaga":
                data["file"] = SimpleUploadedFile(
                    "<b onmouseover=alert(1)>behov.txt", b"text", content_type="text/plain"
                )
            cls.post(client, url, data)

    @classmethod
    def enter_coding(cls, anna):
        cls.initiative = Initiative.objects.filter(report=cls.report).first()
        url = reverse("coding:code", args=[2020, cls.pot.part.slug, cls.initiative.pk])
        fields = form_fields(anna.get(url).content.decode(), url)
        cls.coding_values = []
        cls.post(anna, url, fill(fields, values=cls.coding_values))

    # --- checks ---------------------------------------------------------------------------

    def assertEscaped(self, response, expected=(), some=True):
        """No raw payload on the page, no payload escaped twice, the `expected` hostile values
        escaped once, and (with `some`) at least one escaped payload."""
        self.assertEqual(response.status_code, 200, response.get("Location"))
        html = response.content.decode()
        for raw in RAW:
            self.assertNotIn(raw, html)
        self.assertNotIn("onmouseover=alert(1)>", html.replace("onmouseover=alert(1)&gt;", ""))
        self.assertNotIn("&amp;lt;", html)
        if some:
            self.assertIn(ESCAPED, html)
        missing = [value for value in expected if escape(value) not in html]
        self.assertEqual(missing, [], "shown raw, or not shown")
        return html

    def get(self, user, url, **params):
        self.client.force_login(user)
        return self.client.get(url, params)

    def test_report_form_draft_and_returned(self):
        # The draft keeps every field, numbers included, as typed and shows it escaped.
        self.assertGreater(len(self.draft_values), 10)
        self.assertTrue(any("initiatives-1" in t for t in self.draft_values), self.draft_values)
        self.assertTrue(any("sek" in t for t in self.draft_values), self.draft_values)
        self.assertEscaped(_page(self.draft_page), self.draft_values)
        self.assertEscaped(_page(self.saved_page), self.text_values)
        self.assertIn(escape("<b onmouseover=alert(1)>bilaga.txt"), self.saved_page)
        self.assertEscaped(
            _page(self.returned_page), [payload("return_comment"), *self.stored_values]
        )
        self.assertEscaped(
            _page(self.returned_detail), [payload("return_comment"), *self.stored_values]
        )
        # The confirmation pages of the submission and the return.
        self.assertEscaped(_page(self.return_confirmation), [payload("return_comment")])
        self.assertEscaped(_page(self.submit_confirmation), some=False)

    def test_report_detail_and_history(self):
        for user in (self.alice, self.cora, self.anna, self.adam):
            self.assertEscaped(
                self.get(user, reverse("reporting:detail", args=[self.report.pk])),
                self.stored_values,
            )
            self.assertEscaped(
                self.get(user, reverse("reporting:history", args=[self.report.pk])),
                [payload("return_comment")],
            )

    def test_overviews(self):
        for user, url in [
            (self.cora, reverse("reporting:county_overview_own", args=[2020])),
            (self.adam, reverse("reporting:county_overview", args=[2020, "01"])),
            (self.adam, reverse("reporting:completeness", args=[2020])),
            (self.adam, reverse("reporting:pot_completeness", args=[2020, self.pot.pk])),
            (self.alice, reverse("reporting:my_reports")),
        ]:
            self.assertEscaped(self.get(user, url), some=False)

    def test_analysis_pages(self):
        part = self.pot.part.slug
        initiative = reverse("coding:code", args=[2020, part, self.initiative.pk])
        self.assertEscaped(
            self.get(self.anna, initiative), [*self.initiative_values(), *self.coding_values]
        )
        workbench = reverse("analysis:workbench", args=[2020, part])
        self.assertEscaped(self.get(self.anna, workbench))
        # The search box echoes a hostile query escaped.
        self.assertEscaped(self.get(self.anna, workbench, q=payload("q")), [payload("q")])
        self.assertEscaped(
            self.get(self.anna, reverse("analysis:part_analysis", args=[2020, part]))
        )
        self.assertEscaped(
            self.get(self.anna, reverse("analysis:year_report", args=[2020])), [payload("summary")]
        )
        for user, url in [
            (self.cora, reverse("analysis:county_sheet", args=[2020, "01"])),
            (self.anna, reverse("analysis:part_flags", args=[2020, part])),
            (self.cora, reverse("analysis:report_flags", args=[self.report.pk])),
            (self.anna, reverse("analysis:index")),
            (self.anna, reverse("analysis:indicators", args=[2020])),
            (self.cora, reverse("analysis:funds", args=[2020])),
        ]:
            self.assertEscaped(self.get(user, url), some=False)

    def initiative_values(self):
        return [v for v in self.stored_values if "r-initiatives-0-" in v]

    def test_plan_pages(self):
        self.assertGreater(len(self.plan_values), 15)
        for user in (self.cora, self.adam, self.alice):
            self.assertEscaped(
                self.get(user, reverse("plans:plan_detail", args=[self.plan_v1.pk])),
                self.plan_values,
            )
        self.assertEscaped(
            self.get(self.cora, reverse("plans:plan_detail", args=[self.plan.pk])),
            ["title-v2", "plan_comment"],
        )
        self.assertEscaped(
            self.get(self.cora, reverse("plans:plan_diff", args=[self.plan.pk])),
            [payload("title-v2")],
        )
        for user, url in [
            (self.adam, reverse("plans:national_overview_year", args=[2020])),
            (self.cora, reverse("plans:plan_edit", args=[self.plan.pk])),
        ]:
            self.assertEscaped(self.get(user, url))
        self.assertEscaped(self.get(self.cora, reverse("plans:plan_list")), some=False)

    def test_organisation_pages(self):
        self.assertEscaped(
            self.get(self.alice, reverse("organisations:detail", args=["municipality", "0180"])),
            [payload("requisition_note")],
        )
        self.assertEscaped(
            self.get(self.cora, reverse("organisations:detail", args=["county", "01"])),
            [payload("set_aside")],
        )
        self.assertEscaped(
            self.get(self.adam, reverse("funds:requisition_overview", args=[2020])), some=False
        )

    def test_json_returns_the_payload_as_data(self):
        token, _created = Token.objects.get_or_create(user=self.alice)
        response = self.client.get(
            f"/api/reports/{self.report.pk}/", HTTP_AUTHORIZATION=f"Token {token.key}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/json"))
        self.assertEqual(response.get("X-Content-Type-Options"), "nosniff")
        data = response.json()
        self.assertEqual(data["return_comment"], payload("return_comment"))
        titles = [i["title"] for i in data["initiatives"]]
        self.assertIn(payload("r-initiatives-0-title"), titles)
        self.assertEqual(data["answers"]["funds_explanation"], payload("f-funds_explanation"))
        self.client.force_login(self.anna)
        part = self.pot.part.slug
        response = self.client.get(reverse("analysis:api_effects", args=[2020, part]))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/json"))
        self.assertIn(payload("r-initiatives-0-effects"), json.dumps(response.json()))

    @pytest.mark.slow  # every download format
    def test_downloads_do_not_break(self):
        self.client.force_login(self.adam)
        xlsx = self.client.get(reverse("reporting:export_xlsx", args=[self.pot.pk]))
        self.assertEqual(xlsx.status_code, 200)
        self.assertIn(_xml(payload("r-initiatives-0-title")), _zip_text(xlsx.content))
        for sheet in ("answers", "initiatives"):
            csv = self.client.get(reverse("reporting:export_csv", args=[self.pot.pk, sheet]))
            self.assertEqual(csv.status_code, 200)
            self.assertIn("<script>", csv.content.decode("utf-8-sig"))
        for fmt in ("docx", "pdf", "xlsx"):
            for url in (
                reverse("analysis:download_report", args=[2020, fmt]),
                reverse("analysis:download_county", args=[2020, "01", fmt]),
            ):
                response = self.download(url)
                self.assertGreater(len(response.getvalue()), 1000)
        docx = self.download(reverse("analysis:download_report", args=[2020, "docx"]))
        self.assertIn(_xml(payload("summary")), _zip_text(docx.getvalue()))
        for fmt in ("docx", "yaml"):
            response = self.client.get(reverse("plans:plan_export", args=[self.plan_v1.pk, fmt]))
            self.assertEqual(response.status_code, 200)
        docx = self.client.get(reverse("plans:plan_export", args=[self.plan_v1.pk, "docx"]))
        self.assertIn(_xml(payload("title")), _zip_text(docx.getvalue()))

    def test_it_checks_ownership(self):
        # The hostile report is no more visible than any other: bob and otto are refused,
        # anonymous users are sent to the login page.
        self.assertAccess(
            reverse("reporting:detail", args=[self.report.pk]), refused=[self.bob, self.otto]
        )
        self.assertAccess(reverse("analysis:initiative_detail", args=[self.initiative.pk]))


def _page(html):
    """A page already fetched, shaped like a response for assertEscaped."""

    class Page(dict):
        status_code = 200
        content = html.encode()

    return Page()


def _current(fields):
    """The form as it stands on the page (what a browser would send back unchanged)."""
    data = {}
    for f in fields:
        if f["tag"] == "select":
            chosen = [v for v, s in f["options"] if s]
            if chosen:
                data[f["name"]] = chosen[0]
        elif f.get("type") in ("checkbox", "radio"):
            if f["checked"]:
                data.setdefault(f["name"], []).append(f["value"])
        elif f.get("type") not in ("submit", "button", "file"):
            data[f["name"]] = f["value"]
    return data


def _errors(response):
    html = response.content.decode(errors="replace")
    found = re.findall(r"errorlist[^>]*>(.*?)</ul>", html, re.S)
    found += re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)</', html, re.S)
    return found[:10] or html[:500]


def _zip_text(content):
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def _xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
