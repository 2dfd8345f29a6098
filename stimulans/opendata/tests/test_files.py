"""The published tables as CSV and JSON and the indicators as JSON-stat 2.0."""

import csv
import io
import math

from django.urls import reverse

from stimulans.analysis import snapshot
from stimulans.analysis.models import Indicator
from stimulans.analysis.tests.helpers import county_org, make_initiative, make_report
from stimulans.funds.models import Agreement
from stimulans.support.models import NeedSource, SupportNeed, SupportTheme
from stimulans.support.reference import load_support_reference

from ..catalogue import TABLES
from .helpers import FIRST, OpenDataTestCase


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def check_jsonstat(test, data):
    """JSON-stat 2.0's structure: a dataset whose id, size, dimensions and values agree."""
    test.assertEqual(data["version"], "2.0")
    test.assertEqual(data["class"], "dataset")
    test.assertEqual(len(data["id"]), len(data["size"]))
    test.assertEqual(set(data["dimension"]), set(data["id"]))
    for dim, size in zip(data["id"], data["size"], strict=True):
        category = data["dimension"][dim]["category"]
        test.assertEqual(sorted(category["index"].values()), list(range(size)), dim)
        test.assertEqual(set(category["label"]), set(category["index"]), dim)
        test.assertTrue(data["dimension"][dim]["label"])
    test.assertEqual(len(data["value"]), math.prod(data["size"]))
    for role in data["role"].values():
        test.assertTrue(set(role) <= set(data["id"]))


def value_at(data, **where):
    """The value at the given category of every dimension (row-major index)."""
    index = 0
    for dim, size in zip(data["id"], data["size"], strict=True):
        index = index * size + data["dimension"][dim]["category"]["index"][where[dim]]
    return data["value"][index]


class TableFileTest(OpenDataTestCase):
    def url(self, name, fmt, year=2020):
        return reverse("opendata:table", args=[year, name, fmt])

    def test_indicators_csv_and_json(self):
        rows = csv_rows(self.client.get(self.url("indikatorer", "csv")))
        self.assertEqual(
            rows[0], ["year", "indicator", "region", "numerator", "denominator", "value"]
        )
        self.assertIn(["2020", FIRST, "00", "80", "100", "0.8"], rows)
        self.assertIn(["2020", FIRST, "01", "80", "100", "0.8"], rows)
        self.assertIn(["2020", FIRST, "03", "", "", ""], rows)
        self.assertEqual(len(rows), 1 + 4 * 22)  # four indicators, the country and 21 counties
        data = self.client.get(self.url("indikatorer", "json")).json()
        self.assertIn(
            {
                "year": 2020,
                "indicator": FIRST,
                "region": "00",
                "numerator": 80,
                "denominator": 100,
                "value": 0.8,
            },
            data,
        )

    def test_categories(self):
        rows = csv_rows(self.client.get(self.url("kategorier", "csv")))
        header = rows[0]
        by_category = {
            r[header.index("category")]: dict(zip(header, r, strict=True))
            for r in rows[1:]
            if r[header.index("part")] == "suicidprevention"
            and r[header.index("org_kind")] == "county"
        }
        coordination = by_category["samordning-projektledning"]
        self.assertEqual(
            (coordination["reporting_actors"], coordination["initiatives"]), ("2", "1")
        )
        self.assertEqual(coordination["funds_sek"], "100")
        self.assertEqual(by_category["kunskap-kompetens"]["funds_sek"], "40")

    def test_funds(self):
        data = self.client.get(self.url("medel", "json")).json()
        pots = [r for r in data if r["part"] == "suicidprevention" and r["org_kind"] == "county"]
        national = next(r for r in pots if r["county"] is None)
        self.assertEqual((national["used_sek"], national["initiatives_sek"]), (100, 140))
        self.assertEqual(national["reports"], 2)
        uppsala = next(r for r in pots if r["county"] == "03")
        self.assertEqual((uppsala["initiatives_sek"], uppsala["reports"]), (40, 1))
        rows = csv_rows(self.client.get(self.url("medel", "csv")))
        self.assertIn(
            ["2020", "suicidprevention", "county", "", "0", "0", "0", "0", "100"],
            [r[:9] for r in rows],
        )

    def test_support_needs_per_theme_and_part(self):
        load_support_reference()
        theme = SupportTheme.objects.get(code="suicidprevention")
        for county, part, coded in [
            (self.stockholm.county, self.suicide, theme),
            (self.uppsala.county, self.suicide, theme),
            (self.uppsala.county, None, theme),
            (self.uppsala.county, self.suicide, None),
        ]:
            SupportNeed.objects.create(
                source=NeedSource.DIALOGUE,
                year=2020,
                county=county,
                part=part,
                theme=coded,
                description="HEMLIG TEXT",
            )
        # Published with the status report: nothing until the next version.
        self.assertEqual(self.client.get(self.url("stodbehov", "json")).json(), [])
        snapshot.publish(self.agreement, self.anna, "Med stödbehov")
        data = self.client.get(self.url("stodbehov", "json")).json()
        self.assertEqual(
            [(r["theme"], r["part"], r["needs"]) for r in data],
            [
                ("suicidprevention", "suicidprevention", 2),
                ("suicidprevention", None, 1),
                (None, None, 1),
            ],
        )
        self.assertEqual(data[0]["year"], 2020)
        response = self.client.get(self.url("stodbehov", "csv"))
        self.assertNotIn("HEMLIG", response.content.decode("utf-8-sig"))
        rows = csv_rows(response)
        self.assertEqual(rows[0], ["year", "theme", "theme_name", "prioritised", "part", "needs"])
        self.assertEqual([r[1] for r in rows[1:]], ["suicidprevention"] * 2 + [""])
        self.assertEqual(rows[1][4:], ["suicidprevention", "2"])

    def test_jsonstat_of_the_published_years(self):
        snapshot.publish(Agreement.objects.get(year=2019), self.anna)
        data = self.client.get(reverse("opendata:jsonstat")).json()
        check_jsonstat(self, data)
        title = data["dimension"]["indicator"]["category"]["label"][FIRST]
        self.assertEqual(title, Indicator.objects.get(code=FIRST).title)
        self.assertEqual(data["id"], ["indicator", "region", "year"])
        self.assertEqual(data["size"], [4, 22, 2])
        self.assertEqual(list(data["dimension"]["year"]["category"]["index"]), ["2019", "2020"])
        self.assertEqual(data["dimension"]["region"]["category"]["label"]["00"], "Riket")
        self.assertEqual(value_at(data, indicator=FIRST, region="01", year="2020"), 0.8)
        self.assertEqual(value_at(data, indicator=FIRST, region="01", year="2019"), 0.2)
        self.assertEqual(value_at(data, indicator=FIRST, region="00", year="2019"), 0.2)
        self.assertIsNone(value_at(data, indicator=FIRST, region="03", year="2020"))
        year = self.client.get(reverse("opendata:year_jsonstat", args=[2020])).json()
        check_jsonstat(self, year)
        self.assertEqual(year["size"], [4, 22, 1])

    def test_unpublished_year_is_never_served(self):
        """2019 is not published: its measures are in no file."""
        for name in ("indikatorer", "kategorier", "medel", "stodbehov"):
            for fmt in ("csv", "json"):
                self.assertEqual(self.client.get(self.url(name, fmt, 2019)).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("opendata:year_jsonstat", args=[2019])).status_code, 404
        )
        data = self.client.get(reverse("opendata:jsonstat")).json()
        self.assertEqual(list(data["dimension"]["year"]["category"]["index"]), ["2020"])
        self.assertEqual(self.client.get(self.url("okand", "csv")).status_code, 404)

    def test_unpublished_again_is_never_served(self):
        """A year taken back from publication keeps its versions, but serves nothing."""
        snapshot.unpublish(self.agreement)
        self.assertEqual(self.client.get(self.url("indikatorer", "csv")).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("opendata:year_jsonstat", args=[2020])).status_code, 404
        )
        self.assertEqual(self.client.get(reverse("opendata:jsonstat")).status_code, 404)
        self.assertEqual(self.client.get(self.url("medel", "xml")).status_code, 404)

    def test_later_submissions_do_not_change_the_files(self):
        urls = [
            *(self.url(n, f) for n in TABLES for f in ("csv", "json")),
            reverse("opendata:jsonstat"),
            reverse("opendata:year_jsonstat", args=[2020]),
            reverse("opendata:catalogue", args=["ttl"]),
        ]
        before = {url: self.client.get(url).content for url in urls}
        report = make_report(county_org("04"), self.suicide_pot, funds_used_sek=7)
        make_initiative(report, self.cat["kunskap-kompetens"], funds_sek=7)
        Indicator.objects.filter(code=FIRST).update(title="Omdöpt efter publiceringen")
        for url in urls:
            self.assertEqual(self.client.get(url).content, before[url], url)
        # The live figures did change: a new version publishes them.
        snapshot.publish(self.agreement, self.anna)
        rows = csv_rows(self.client.get(self.url("kategorier", "csv")))
        header = rows[0]
        knowledge = next(
            r
            for r in rows
            if r[header.index("category")] == "kunskap-kompetens"
            and r[header.index("part")] == "suicidprevention"
            and r[header.index("org_kind")] == "county"
        )
        self.assertEqual(knowledge[header.index("funds_sek")], "47")
