"""The API's conventions: pages, validated filters, `updated_since`, problem details in Swedish
and English, ETag and 304, the versioned path and its alias, and the schema that says so."""

import datetime

from django.urls import reverse
from django.utils import timezone

from stimulans.funds.models import Allocation, Requisition
from stimulans.reporting import services
from stimulans.reporting.models import Report

from .base import ApiTestCase, complete_answers

ALLOCATIONS = "/api/v1/allocations/"
REPORTS = "/api/v1/reports/"


class ConventionsTestCase(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.mine = cls.make_report(
            cls,
            cls.stockholm,
            cls.mobila_municipality,
            cls.alice,
            complete_answers(cls.mobila_municipality),
        )
        cls.bobs = cls.make_report(cls, cls.botkyrka, cls.mobila_municipality, cls.bob)

    def assertProblem(self, response, status, kind=None):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response["Content-Type"], "application/problem+json")
        body = response.json()
        self.assertEqual(body["status"], status)
        self.assertEqual(
            body["type"], f"urn:stimulans:problem:{kind}" if kind else "about:blank", body
        )
        self.assertTrue(body["title"])
        self.assertIn("detail", body)
        return body

    def test_lists_come_in_pages(self):
        self.auth(self.adam)
        everything = self.client.get(ALLOCATIONS).json()
        self.assertEqual(everything["count"], 5)
        ids = [a["id"] for a in everything["results"]]
        self.assertEqual(ids, sorted(ids))
        first = self.client.get(ALLOCATIONS, {"page_size": 2}).json()
        self.assertEqual(first["count"], 5)
        self.assertEqual([a["id"] for a in first["results"]], ids[:2])
        self.assertIsNone(first["previous"])
        self.assertTrue(first["next"].endswith("/api/v1/allocations/?page=2&page_size=2"))
        last = self.client.get(ALLOCATIONS, {"page_size": 2, "page": 3}).json()
        self.assertEqual([a["id"] for a in last["results"]], ids[4:])
        self.assertIsNone(last["next"])
        self.assertIn("page_size=2", last["previous"])
        reports = self.client.get(REPORTS, {"page_size": 1}).json()
        self.assertEqual((reports["count"], len(reports["results"])), (2, 1))

    def test_bad_pages_are_refused(self):
        self.auth(self.adam)
        self.assertProblem(self.client.get(ALLOCATIONS, {"page": 4, "page_size": 2}), 404)
        for params in ({"page": 0}, {"page": "x"}, {"page": ""}, {"page_size": 0}):
            with self.subTest(params=params):
                body = self.assertProblem(self.client.get(ALLOCATIONS, params), 400, "validation")
                self.assertEqual(list(body["errors"]), list(params))

    def test_unknown_filter_values_are_400_naming_the_parameter(self):
        self.auth(self.adam)
        for url in (ALLOCATIONS, REPORTS):
            for param, value in [
                ("year", "2019"),
                ("year", "tjugo"),
                ("part", "nope"),
                ("org_code", "9999"),
                ("county", "02"),
                ("org_kind", "kommun"),
                ("updated_since", "igår"),
                ("year", ""),
            ]:
                with self.subTest(url=url, param=param, value=value):
                    response = self.client.get(url, {param: value})
                    body = self.assertProblem(response, 400, "validation")
                    self.assertEqual(list(body["errors"]), [param])
        body = self.assertProblem(self.client.get(REPORTS, {"status": "klar"}), 400, "validation")
        self.assertIn("status", body["errors"])
        # Known values filter as before.
        response = self.client.get(REPORTS, {"org_code": "0127", "status": "draft"})
        self.assertEqual([r["id"] for r in response.json()["results"]], [self.bobs.pk])

    def test_unknown_parameters_are_400_naming_them(self):
        self.auth(self.adam)
        body = self.assertProblem(self.client.get(REPORTS, {"yaer": "2020"}), 400, "validation")
        self.assertEqual(body["errors"], {"yaer": ["Okänd parameter."]})
        detail = f"{REPORTS}{self.mine.pk}/"
        body = self.assertProblem(self.client.get(detail, {"page": "1"}), 400, "validation")
        self.assertEqual(list(body["errors"]), ["page"])
        self.assertEqual((self.client.get(detail, {"format": "json"})).status_code, 200)
        coverage = reverse("analysis:api_coverage", args=[2020])
        self.assertProblem(self.client.get(coverage, {"county": "01"}), 400, "validation")
        self.assertEqual((self.client.get(coverage, {"lan": "01"})).status_code, 200)

    def test_updated_since_on_reports(self):
        old = timezone.now() - datetime.timedelta(days=10)
        Report.objects.filter(pk=self.bobs.pk).update(updated_at=old)
        self.auth(self.adam)
        since = (old + datetime.timedelta(days=1)).isoformat()
        ids = [
            r["id"] for r in self.client.get(REPORTS, {"updated_since": since}).json()["results"]
        ]
        self.assertEqual(ids, [self.mine.pk])
        before = (old - datetime.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        response = self.client.get(REPORTS, {"updated_since": before})
        self.assertEqual(response.json()["count"], 2)

    def test_updated_since_takes_any_offset_python_takes(self):
        # Found by schemathesis on PostgreSQL: an offset beyond ±16 hours was a 500 there.
        old = timezone.now() - datetime.timedelta(days=10)
        Report.objects.filter(pk=self.bobs.pk).update(updated_at=old)
        self.auth(self.adam)
        far = (old + datetime.timedelta(days=1)).astimezone(
            datetime.timezone(-datetime.timedelta(hours=19, minutes=35))
        )
        response = self.client.get(REPORTS, {"updated_since": far.isoformat()})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual([r["id"] for r in response.json()["results"]], [self.mine.pk])

    def test_updated_since_on_allocations_counts_requisitions(self):
        old = timezone.now() - datetime.timedelta(days=10)
        Allocation.objects.update(computed_at=old)
        allocation = Allocation.objects.get(organisation=self.stockholm)
        since = (old + datetime.timedelta(days=1)).isoformat()
        self.auth(self.adam)
        self.assertEqual(self.client.get(ALLOCATIONS, {"updated_since": since}).json()["count"], 0)
        Requisition.objects.create(allocation=allocation, amount_sek=100, requested_by=self.alice)
        rows = self.client.get(ALLOCATIONS, {"updated_since": since}).json()["results"]
        self.assertEqual([(r["id"], r["requested_sek"]) for r in rows], [(allocation.pk, 100)])

    def test_problem_details_speak_swedish_by_default_and_english_when_asked(self):
        self.auth(self.adam)
        sv = self.assertProblem(self.client.get(REPORTS, {"part": "nope"}), 400, "validation")
        self.assertEqual(sv["title"], "Felaktig begäran")
        self.assertEqual(sv["detail"], "Uppgifterna är inte giltiga.")
        self.assertIn("Välj ett giltigt alternativ", sv["errors"]["part"][0])
        response = self.client.get(REPORTS, {"part": "nope"}, HTTP_ACCEPT_LANGUAGE="en")
        en = self.assertProblem(response, 400, "validation")
        self.assertEqual(en["title"], "Bad request")
        self.assertEqual(en["detail"], "The data is not valid.")
        self.assertIn("Select a valid choice", en["errors"]["part"][0])
        # Not found, in both languages; a language we do not speak gets Swedish.
        missing = reverse("api:report-detail", args=[99999])
        self.assertEqual(
            self.assertProblem(self.client.get(missing), 404)["title"], "Hittades inte"
        )
        en = self.assertProblem(self.client.get(missing, HTTP_ACCEPT_LANGUAGE="en-GB,en"), 404)
        self.assertEqual(
            (en["title"], en["detail"]), ("Not found", "Does not exist, or you may not read it.")
        )
        de = self.assertProblem(self.client.get(missing, HTTP_ACCEPT_LANGUAGE="de"), 404)
        self.assertEqual(de["title"], "Hittades inte")

    def test_every_error_is_a_problem(self):
        # 401 keeps its WWW-Authenticate header.
        response = self.client.get(REPORTS)
        self.assertProblem(response, 401)
        self.assertEqual(response["WWW-Authenticate"], "Token")
        self.auth(self.alice)
        # 403: a report of another kind of recipient's pot.
        body = self.assertProblem(
            self.client.post(REPORTS, {"pot": self.youth_region.pk}, format="json"),
            403,
            "not-a-recipient",
        )
        self.assertIn("pot", body["errors"])
        # 409: a report saved since the version sent.
        url = reverse("api:report-detail", args=[self.mine.pk])
        response = self.client.patch(
            url, {"version": self.mine.version - 1, "answers": {}}, format="json"
        )
        body = self.assertProblem(response, 409, "version-conflict")
        self.assertEqual(body["version"], self.mine.version)
        # 409: the report exists.
        body = self.assertProblem(
            self.client.post(REPORTS, {"pot": self.mobila_municipality.pk}, format="json"),
            409,
            "report-exists",
        )
        self.assertEqual(body["id"], self.mine.pk)
        # 404: no such pot (a part of control characters only is blank once they are removed).
        for part in ("nope", "\x19"):
            response = self.client.post(REPORTS, {"year": 2020, "part": part}, format="json")
            self.assertIn("pot", self.assertProblem(response, 404, "pot-not-found")["errors"])
        # 400 with nested fields named by their path.
        response = self.client.patch(
            url,
            {"version": self.mine.version, "initiatives": [{"title": "a", "funds_sek": "x"}]},
            format="json",
        )
        body = self.assertProblem(response, 400, "validation")
        self.assertEqual(list(body["errors"]), ["initiatives.0.funds_sek"])
        # The browsable API shows a problem as a page, as HTML.
        response = self.client.get(REPORTS, {"part": "nope"}, HTTP_ACCEPT="text/html")
        self.assertEqual(response.status_code, 400, response.content)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        # 405 and a path that is not there.
        self.assertProblem(self.client.delete(url), 405)
        self.assertProblem(self.client.get("/api/v1/finns-inte/"), 404)
        self.assertProblem(self.client.get("/analys/api/2020/del/ö/"), 404)

    def test_reads_carry_an_etag_and_answer_304(self):
        self.auth(self.alice)
        url = reverse("api:report-detail", args=[self.mine.pk])
        first = self.client.get(url)
        etag = first["ETag"]
        self.assertRegex(etag, r'^"[0-9a-f]{40}"$')
        again = self.client.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")
        self.assertEqual(again["ETag"], etag)
        self.assertEqual(self.client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code, 200)
        # A change makes a new ETag.
        services.save_draft(
            self.mine, {"funds_explanation": "Ny text."}, self.alice, self.mine.version
        )
        changed = self.client.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(changed.status_code, 200)
        self.assertNotEqual(changed["ETag"], etag)
        # Lists and the analysis JSON too; errors and writes carry none.
        listing = self.client.get(REPORTS)
        self.assertEqual(
            self.client.get(REPORTS, HTTP_IF_NONE_MATCH=listing["ETag"]).status_code, 304
        )
        self.auth(self.anna)
        coverage = self.client.get(reverse("analysis:api_coverage", args=[2020]))
        self.assertEqual(coverage.status_code, 200, coverage.content)
        self.assertEqual(
            self.client.get(
                reverse("analysis:api_coverage", args=[2020]), HTTP_IF_NONE_MATCH=coverage["ETag"]
            ).status_code,
            304,
        )
        self.assertFalse(self.client.get(REPORTS, {"part": "nope"}).has_header("ETag"))

    def test_the_unversioned_path_is_an_alias(self):
        self.auth(self.alice)
        self.assertEqual(reverse("api:report-list"), REPORTS)
        v1 = self.client.get(REPORTS).json()
        alias = self.client.get("/api/reports/").json()
        self.assertEqual([r["id"] for r in alias["results"]], [r["id"] for r in v1["results"]])
        self.assertEqual(
            self.client.get(f"/api/reports/{self.mine.pk}/").json()["id"], self.mine.pk
        )
        response = self.client.patch(
            f"/api/reports/{self.mine.pk}/",
            {"version": self.mine.version, "answers": {"funds_explanation": "Via /api/."}},
            format="json",
        )
        self.assertEqual(response.status_code, 200, response.content)

    def test_the_schema_documents_the_conventions(self):
        self.auth(self.alice)
        schema = self.client.get("/api/v1/schema/", {"format": "json"}).json()
        self.assertEqual(self.client.get("/api/schema/", {"format": "json"}).json(), schema)
        paths = schema["paths"]
        self.assertFalse([p for p in paths if not p.startswith(("/api/v1/", "/analys/api/"))])
        operations = [(p, m, op) for p, ops in paths.items() for m, op in ops.items()]
        self.assertGreaterEqual(len(operations), 12)
        for path, method, operation in operations:
            for code in ("400", "401", "403", "404", "409"):
                content = operation["responses"][code]["content"]
                self.assertEqual(list(content), ["application/problem+json"], (path, method, code))
            if method == "get":
                self.assertIn("304", operation["responses"], path)
        params = {p["name"]: p for p in paths["/api/v1/reports/"]["get"]["parameters"]}
        for name in ("page", "page_size", "year", "part", "org_code", "county", "status"):
            self.assertIn(name, params)
        self.assertEqual(params["year"]["schema"], {"type": "integer", "enum": [2020]})
        self.assertIn("barn-unga", params["part"]["schema"]["enum"])
        self.assertEqual(params["updated_since"]["schema"]["format"], "date-time")
        self.assertIn(
            "updated_since", {p["name"] for p in paths["/api/v1/allocations/"]["get"]["parameters"]}
        )
        self.assertEqual(
            schema["components"]["schemas"]["PaginatedReportList"]["required"], ["count", "results"]
        )

    def test_it_checks_ownership(self):
        # The alias reads with the same permissions as /api/v1/: the own organisation, the
        # county coordinator's county, the national roles; 404 for others; 401 without token.
        for url in (f"/api/v1/reports/{self.mine.pk}/", f"/api/reports/{self.mine.pk}/"):
            self.assertAccess(
                url,
                allowed=[self.alice, self.cora, self.anna, self.adam],
                refused=[self.bob, self.charlie, self.otto],
                refused_status=404,
                ok=200,
            )

    def test_a_path_with_a_line_break_is_a_problem_too(self):
        # Found by schemathesis: the catch-all patterns did not match a newline in the path,
        # so Django answered with the HTML 404 page.
        self.auth(self.anna)
        for path in ("/analys/api/%0Ax/indikatorer/", "/api/v1/reports/%0A/"):
            with self.subTest(path=path):
                self.assertProblem(self.client.get(path), 404)
