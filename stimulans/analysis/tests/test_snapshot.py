"""Publication is a frozen version: what is published stays as published."""

import io
import json
import re
from io import StringIO

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from .. import snapshot
from ..models import (
    InitiativeCoding,
    StatusReport,
    StatusReportSection,
    StatusReportVersion,
    StoredDocument,
)
from ..texts import save_text
from .helpers import PageTestCase, county_org, make_initiative, make_report

TOKEN = re.compile(rb'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]*')


def page(response):
    """The response's content without the CSRF token (new on every request)."""
    return TOKEN.sub(rb"\1", response.getvalue())


class PublishedVersionTest(PageTestCase):
    def public_urls(self):
        year = [2020]
        part = [2020, "suicidprevention"]
        return [
            reverse("analysis:year_report", args=year),
            reverse("analysis:county_sheet", args=[2020, "01"]),
            reverse("analysis:part_analysis", args=part),
            reverse("analysis:part_analysis", args=part) + "?lan=04",
            reverse("analysis:indicators", args=year),
            reverse("analysis:api_coverage", args=year),
            reverse("analysis:api_coverage", args=year) + "?lan=04",
            reverse("analysis:api_aggregate", args=part),
            reverse("analysis:api_effects", args=part),
            reverse("analysis:api_indicators", args=year),
            reverse("analysis:api_flags", args=year),
            reverse("analysis:api_flowcharts", args=part),
            reverse("analysis:api_flowcharts", args=part) + "?lan=04",
            reverse("analysis:part_answers", args=part),
            reverse("analysis:funds", args=year),
            reverse("analysis:funds", args=year) + "?lan=01",
            *(reverse("analysis:download_report", args=[2020, fmt]) for fmt in snapshot.FORMATS),
        ]

    def submit_more_and_recode(self):
        """A third county reports, the analyst recodes Stockholm's initiative, writes a text."""
        report = make_report(county_org("04"), self.suicide_pot)
        make_initiative(
            report,
            self.cat["kunskap-kompetens"],
            title="Ny insats",
            effects="Färre självmordsförsök i Södermanland",
            effect_level="target_group",
            funds_sek=7,
        )
        InitiativeCoding.objects.create(
            initiative=self.initiative, category=self.cat["kunskap-kompetens"]
        )
        save_text(self.agreement, "introduction", None, "Skriven efteråt.", 0, self.anna)

    def test_public_pages_json_and_downloads_stay_as_published(self):
        version = snapshot.publish(self.agreement, self.anna, "Första versionen")
        self.assertEqual(version.number, 1)
        before = {url: page(self.client.get(url)) for url in self.public_urls()}
        self.assertIn(b"2 av 21 har redovisat.", before[self.public_urls()[0]])
        self.assertIn(b"Publicerad version 1", before[self.public_urls()[1]])
        self.submit_more_and_recode()
        for url in self.public_urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(page(response), before[url], url)
        # The figures did change: the analysts' draft shows them.
        self.login(self.anna)
        draft = self.client.get(reverse("analysis:year_report", args=[2020]) + "?utkast=1")
        self.assertContains(draft, "3 av 21 har redovisat.")
        self.assertContains(draft, "Färre självmordsförsök")
        self.assertContains(draft, "Skriven efteråt.")
        api = reverse("analysis:api_aggregate", args=[2020, "suicidprevention"])
        live = self.client.get(api + "?utkast=1").json()
        published = self.client.get(api).json()
        self.assertEqual(live["pots"][0]["reporting_actors"], 3)
        self.assertEqual(published["pots"][0]["reporting_actors"], 2)

    def test_the_published_json_is_the_figures_of_publication(self):
        snapshot.publish(self.agreement)
        self.submit_more_and_recode()
        data = self.client.get(reverse("analysis:api_aggregate", args=[2020, "suicidprevention"]))
        rows = {c["category"]: c for c in data.json()["pots"][0]["categories"]}
        # As published: Stockholm in coordination, Uppsala in knowledge (100 and 40 kr).
        self.assertEqual(rows["samordning-projektledning"]["actors_with_activities"], 1)
        self.assertEqual(rows["samordning-projektledning"]["funds_sek"], 100)
        self.assertEqual(rows["kunskap-kompetens"]["actors_with_activities"], 1)
        self.assertEqual(rows["kunskap-kompetens"]["funds_sek"], 40)

    def test_analysts_see_changed_since_publication_and_publish_a_new_version(self):
        url = reverse("analysis:year_report", args=[2020])
        self.login(self.anna)
        self.client.post(
            reverse("analysis:publish", args=[2020]), {"published": "1", "confirmed": "1"}
        )
        response = self.client.get(url)
        self.assertContains(response, "Oförändrat sedan publiceringen.")
        self.assertNotContains(response, "Ändrat sedan publiceringen.")
        self.submit_more_and_recode()
        response = self.client.get(url)
        self.assertContains(response, "Ändrat sedan publiceringen.")
        self.assertContains(response, "Publicera en ny version")
        publish = reverse("analysis:publish", args=[2020])
        confirm = self.client.post(publish, {"published": "1", "note": "Södermanland tillagd"})
        self.assertContains(confirm, "Vad som har ändrats: Södermanland tillagd")
        self.assertContains(
            confirm, '<input type="hidden" name="note" value="Södermanland tillagd">', html=True
        )
        self.assertEqual(StatusReportVersion.objects.count(), 1)
        self.client.post(
            publish, {"published": "1", "note": "Södermanland tillagd", "confirmed": "1"}
        )
        self.assertEqual(
            list(StatusReportVersion.objects.values_list("number", "note", "published_by")),
            [(2, "Södermanland tillagd", self.anna.pk), (1, "", self.anna.pk)],
        )
        self.assertContains(self.client.get(url), "Oförändrat sedan publiceringen.")
        self.logout()
        public = self.client.get(url)
        self.assertContains(public, "Publicerad version 2")
        self.assertContains(public, "3 av 21 har redovisat.")
        self.assertContains(public, "Publicerade versioner")
        self.assertContains(public, "<td>Södermanland tillagd</td>", html=True)
        self.assertNotContains(public, "sedan publiceringen")  # for analysts only

    def test_unpublishing_keeps_the_versions(self):
        snapshot.publish(self.agreement, self.anna, "Första")
        self.login(self.anna)
        self.client.post(reverse("analysis:publish", args=[2020]), {"published": "0"})
        self.assertFalse(StatusReport.objects.get(agreement=self.agreement).published)
        self.assertEqual(StatusReportVersion.objects.count(), 1)
        self.logout()
        url = reverse("analysis:api_coverage", args=[2020])
        self.assertEqual(self.client.get(url).status_code, 403)
        with self.assertRaises(snapshot.AnalysisError):
            snapshot.published_section(2020, "analyse")

    def test_a_section_the_version_does_not_hold_is_an_error(self):
        # A version published before the answers were part of the snapshot.
        version = snapshot.publish(self.agreement)
        StatusReportSection.objects.filter(version=version, name__startswith="answers").delete()
        with self.assertRaisesMessage(
            snapshot.AnalysisError,
            "Den publicerade versionen 1 av lägesrapporten 2020 har inte de siffrorna.",
        ):
            snapshot.published_section(2020, "answers")

    def test_published_downloads_are_stored_and_drafts_say_so(self):
        version = snapshot.publish(self.agreement, note="Första")
        pdf = self.client.get(reverse("analysis:download_report", args=[2020, "pdf"])).getvalue()
        self.assertTrue(pdf.startswith(b"%PDF"))
        again = self.client.get(reverse("analysis:download_report", args=[2020, "pdf"]))
        self.assertEqual(again.getvalue(), pdf)
        from docx import Document

        def header(content):
            return Document(io.BytesIO(content)).sections[0].header.paragraphs[0].text

        docx = self.client.get(reverse("analysis:download_report", args=[2020, "docx"])).getvalue()
        date = timezone.localdate(version.published_at).isoformat()
        # The running header: the title and the version; the note is on the first page.
        self.assertEqual(header(docx), f"Lägesrapport 2020\tVersion 1, publicerad {date}")
        texts = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
        self.assertIn(f"Version 1, publicerad {date}. Första", texts)
        self.login(self.anna)
        docx_url = reverse("analysis:download_report", args=[2020, "docx"])
        draft = self.download(docx_url + "?utkast=1")
        self.assertIn("\tUtkast ", header(draft.getvalue()))
        from openpyxl import load_workbook

        xlsx = self.download(reverse("analysis:download_report", args=[2020, "xlsx"]) + "?utkast=1")
        sheets = load_workbook(io.BytesIO(xlsx.getvalue())).worksheets
        self.assertTrue(all(s.oddHeader.right.text.startswith("Utkast ") for s in sheets))


class CommandsTest(PageTestCase):
    def run_command(self, *args):
        out = StringIO()
        call_command(*args, stdout=out)
        return out.getvalue()

    def test_publish_command(self):
        out = self.run_command("publish", "--year", "2020", "--note", "Från kommandoraden")
        self.assertIn("Lägesrapporten 2020 är publicerad som version 1.", out)
        self.assertIn("Lägesrapportens dokument i Word, PDF och Excel är skapade.", out)
        self.assertEqual(StoredDocument.objects.count(), 3)
        pdf = self.client.get(reverse("analysis:download_report", args=[2020, "pdf"]))
        self.assertTrue(pdf.getvalue().startswith(b"%PDF"))
        self.assertEqual(StoredDocument.objects.count(), 3)  # a visitor's, made by the command
        self.assertEqual(StatusReportVersion.objects.get().note, "Från kommandoraden")
        self.assertTrue(StatusReport.objects.get(agreement=self.agreement).published)
        with self.assertRaises(CommandError) as caught:
            self.run_command("publish", "--year", "1999")
        self.assertEqual(caught.exception.returncode, 2)

    def test_published_analyse_and_indicators_read_the_version(self):
        live = ("analyse", "--year", "2020", "--part", "suicidprevention")
        for command in (live, ("indicators", "--year", "2020")):
            with self.assertRaises(CommandError) as caught:
                self.run_command(*command, "--published")
            self.assertEqual(caught.exception.returncode, 2)
            self.assertIn("Lägesrapporten 2020 är inte publicerad.", str(caught.exception))
        snapshot.publish(self.agreement)
        published_analyse = self.run_command(*live, "--published")
        published_indicators = self.run_command("indicators", "--year", "2020", "--published")
        # The same figures (as JSON: PostgreSQL's jsonb keeps no key order).
        self.assertEqual(json.loads(published_analyse), json.loads(self.run_command(*live)))
        self.assertEqual(
            json.loads(published_indicators),
            json.loads(self.run_command("indicators", "--year", "2020")),
        )
        self.assertEqual(
            json.loads(self.run_command(*live, "--county", "01", "--published")),
            json.loads(self.run_command(*live, "--county", "01")),
        )
        # More reports: the live figures change, the published ones do not.
        report = make_report(county_org("04"), self.suicide_pot)
        make_initiative(report, self.cat["kunskap-kompetens"])
        from .helpers import measures, region

        measures(
            make_report(region("03"), self.youth_region_pot),
            bup__first_assessment__children=100,
            bup__first_assessment__within_30_days=40,
        )
        self.assertEqual(self.run_command(*live, "--published"), published_analyse)
        self.assertEqual(json.loads(self.run_command(*live))["pots"][0]["reporting_actors"], 3)
        self.assertEqual(json.loads(published_analyse)["pots"][0]["reporting_actors"], 2)
        rows = json.loads(self.run_command("indicators", "--year", "2020", "--published"))
        self.assertEqual(rows, json.loads(published_indicators))
        national = next(
            r
            for r in rows
            if r["indicator"] == "bup.first_assessment.share_within_30_days"
            and r["scope"] == "national"
        )
        self.assertEqual((national["numerator"], national["denominator"]), (80, 100))
        live_rows = json.loads(self.run_command("indicators", "--year", "2020"))
        live_national = next(
            r
            for r in live_rows
            if r["indicator"] == "bup.first_assessment.share_within_30_days"
            and r["scope"] == "national"
        )
        self.assertEqual((live_national["numerator"], live_national["denominator"]), (120, 200))


class CountyAfterPublicationTest(PageTestCase):
    def test_a_county_the_version_does_not_hold_is_not_found(self):
        from stimulans.organisations.models import County

        snapshot.publish(self.agreement)
        County.objects.create(code="99", name="Provlän", short_name="Prov")
        for url in (
            reverse("analysis:county_sheet", args=[2020, "99"]),
            reverse("analysis:api_coverage", args=[2020]) + "?lan=99",
            reverse("analysis:download_county", args=[2020, "99", "xlsx"]),
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)


class PublishedAnswersAndFundsTest(PageTestCase):
    def run_command(self, *args):
        out = StringIO()
        call_command(*args, stdout=out)
        return out.getvalue()

    def test_published_answers_and_funds_read_the_version(self):
        answers = ("analyse_answers", "--year", "2020", "--part", "suicidprevention")
        funds = ("funds", "--year", "2020")
        for command in (answers, funds):
            with self.assertRaises(CommandError) as caught:
                self.run_command(*command, "--published")
            self.assertEqual(caught.exception.returncode, 2)
            self.assertIn("Lägesrapporten 2020 är inte publicerad.", str(caught.exception))
        snapshot.publish(self.agreement)
        published_answers = self.run_command(*answers, "--published")
        published_funds = self.run_command(*funds, "--published")
        # The same figures (as JSON: PostgreSQL's jsonb keeps no key order).
        self.assertEqual(json.loads(published_answers), json.loads(self.run_command(*answers)))
        self.assertEqual(json.loads(published_funds), json.loads(self.run_command(*funds)))
        self.assertEqual(
            json.loads(self.run_command(*funds, "--county", "01", "--published")),
            json.loads(self.run_command(*funds, "--county", "01")),
        )
        with self.assertRaises(CommandError) as caught:
            self.run_command(*answers, "--county", "01", "--published")
        self.assertEqual(caught.exception.returncode, 2)
        # A third county reports: the live figures change, the published ones do not.
        make_report(county_org("04"), self.suicide_pot, funds_used_sek=500)
        self.assertEqual(self.run_command(*answers, "--published"), published_answers)
        self.assertEqual(self.run_command(*funds, "--published"), published_funds)
        live = json.loads(self.run_command(*answers))
        frozen = json.loads(published_answers)
        self.assertEqual(
            [p["reporting_actors"] for p in live["pots"]],
            [p["reporting_actors"] + 1 for p in frozen["pots"]],
        )
        self.assertNotEqual(json.loads(self.run_command(*funds)), json.loads(published_funds))
