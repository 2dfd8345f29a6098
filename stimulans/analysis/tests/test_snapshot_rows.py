"""A published version is stored by part: a page reads only the parts it shows, and versions
stored before (one row per national or county value) are still read."""

from django.urls import reverse

from .. import snapshot
from ..models import StatusReportSection
from .helpers import PageTestCase
from .test_snapshot import page

PART = "suicidprevention"


class VersionRowsTest(PageTestCase):
    def urls(self):
        part = [2020, PART]
        return [
            reverse("analysis:year_report", args=[2020]),
            reverse("analysis:county_sheet", args=[2020, "01"]),
            reverse("analysis:part_analysis", args=part),
            reverse("analysis:part_analysis", args=part) + "?lan=01",
            reverse("analysis:indicators", args=[2020]),
            reverse("analysis:api_coverage", args=[2020]),
            reverse("analysis:api_aggregate", args=part),
            reverse("analysis:api_effects", args=part),
            reverse("analysis:api_effects", args=part) + "?lan=01",
            reverse("analysis:api_flags", args=[2020]),
        ]

    def test_the_year_is_stored_by_part_and_read_back_whole(self):
        built = snapshot.build(self.agreement)
        version = snapshot.publish(self.agreement)
        names = set(
            StatusReportSection.objects.filter(version=version).values_list("name", flat=True)
        )
        slugs = [item["part"]["slug"] for item in built["report"]["parts"]]
        for row in ("report", "counties/01"):
            self.assertIn(row, names)
            self.assertIn(f"{row}|flag_list", names)
            for slug in slugs:
                self.assertIn(f"{row}|part/{slug}", names)
                self.assertIn(f"{row}|effects/{slug}", names)
        head = StatusReportSection.objects.get(version=version, name="report").data
        self.assertNotIn("aggregate", head["parts"][0])
        self.assertNotIn("flag_list", head)
        # Read back whole, each value is the one computed.
        self.assertEqual(snapshot.version_section(version, "report"), built["report"])
        self.assertEqual(
            snapshot.version_section(version, "counties", "01"), built["counties"]["01"]
        )
        self.assertEqual(snapshot.version_section(version, "counties"), built["counties"])
        # Only one part, shortened effects, no flag list.
        one = snapshot.version_section(version, "report", parts=[PART], effects=0, flag_list=False)
        self.assertEqual([item["part"]["slug"] for item in one["parts"]], [PART])
        self.assertIsNone(one["flag_list"])
        self.assertEqual(one["coverage"], built["report"]["coverage"])
        whole = next(i for i in built["report"]["parts"] if i["part"]["slug"] == PART)
        self.assertEqual(one["parts"][0]["aggregate"], whole["aggregate"])
        for key, rows in one["parts"][0]["effects"].items():
            self.assertEqual(rows, [None] * len(whole["effects"][key]))

    def test_a_part_page_reads_only_its_part(self):
        version = snapshot.publish(self.agreement)
        part = reverse("analysis:part_analysis", args=[2020, PART])
        before = page(self.client.get(part))
        self.assertIn(b"Fler skolor har utbildats", before)
        others = StatusReportSection.objects.filter(version=version, name__contains="|").exclude(
            name__endswith=f"part/{PART}"
        )
        self.assertTrue(others.filter(name=f"report|effects/{PART}").exists())
        others.delete()
        response = self.client.get(part)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(page(response), before)

    def test_a_version_stored_in_one_row_per_value_is_still_read(self):
        version = snapshot.publish(self.agreement)
        by_part = {url: page(self.client.get(url)) for url in self.urls()}
        # Store the version as versions were stored before the split: one row per value.
        whole = {
            "report": snapshot.version_section(version, "report"),
            **{
                f"counties/{code}": data
                for code, data in snapshot.version_section(version, "counties").items()
            },
        }
        rows = StatusReportSection.objects.filter(version=version)
        rows.filter(name__contains="|").delete()
        for name, data in whole.items():
            rows.filter(name=name).update(data=data)
        self.assertEqual(snapshot.version_section(version, "report"), whole["report"])
        for url in self.urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(page(response), by_part[url], url)


class PublishedFlowchartsTest(PageTestCase):
    def test_grouped_effects_per_county_and_the_flowcharts_json(self):
        snapshot.publish(self.agreement)
        part = reverse("analysis:part_analysis", args=[2020, PART])
        # Stockholm's effect is grouped on its county page, Uppsala's is not.
        stockholm = self.client.get(part + "?lan=01")
        self.assertContains(stockholm, "Redovisade effekter, grupperade")
        self.assertContains(stockholm, "Fler skolor har utbildats i psykisk första hjälp")
        self.assertNotContains(stockholm, "Ökad kunskap hos personalen")
        api = reverse("analysis:api_flowcharts", args=[2020, PART])
        national = self.client.get(api).json()
        self.assertEqual(national["county"], None)
        groups = {
            (c["category"], col["kind"]): [g["label"] for g in col["groups"]]
            for pot in national["pots"]
            for c in pot["categories"]
            for col in c["columns"]
        }
        self.assertEqual(
            groups[("samordning-projektledning", "activities")], ["Anställt en samordnare"]
        )
        self.assertEqual(
            groups[("kunskap-kompetens", "activities")], ["Föreläsningar för vårdpersonal"]
        )
        county = self.client.get(api + "?lan=03").json()
        self.assertEqual(
            [
                c["category"]
                for pot in county["pots"]
                for c in pot["categories"]
                if c["initiatives"]
            ],
            ["kunskap-kompetens"],
        )
        # Later reports do not change the published flowcharts.
        from .helpers import county_org, make_initiative, make_report

        report = make_report(county_org("04"), self.suicide_pot)
        make_initiative(report, self.cat["kunskap-kompetens"], activities="Ny föreläsning")
        self.assertEqual(self.client.get(api).json(), national)
        self.assertEqual(self.client.get(api + "?lan=99").status_code, 404)
