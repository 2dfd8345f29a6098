from django.urls import reverse

from .helpers import PageTestCase


class ApiTest(PageTestCase):
    def urls(self):
        return [
            reverse("analysis:api_coverage", args=[2020]),
            reverse("analysis:api_indicators", args=[2020]),
            reverse("analysis:api_flags", args=[2020]),
            reverse("analysis:api_aggregate", args=[2020, "suicidprevention"]),
            reverse("analysis:api_effects", args=[2020, "suicidprevention"]),
        ]

    def test_it_checks_ownership(self):
        for url in self.urls():
            self.assertAccess(url, [self.cora, self.anna, self.adam], [self.alice, None])
        self.publish()
        for url in self.urls():
            self.assertAccess(url, [self.alice, None], [])

    def test_unpublished_is_refused_to_the_public(self):
        response = self.client.get(self.urls()[0])
        self.assertEqual(response.status_code, 403)
        self.assertIn("detail", response.json())

    def test_tables(self):
        self.publish()
        aggregate = self.client.get(self.urls()[3]).json()
        self.assertEqual(aggregate["pots"][0]["reporting_actors"], 2)
        self.assertEqual(
            aggregate["pots"][0]["categories"][0],
            {
                "category": "samordning-projektledning",
                "actors_with_activities": 1,
                "actors_with_effects": 1,
                "actors_with_target_group_effects": 1,
                "initiatives": 1,
                "funds_sek": 100,
                "actors_planned": 0,
                "actors_implemented": 0,
                "actors_with_outputs": 0,
                "actors_with_measured_effects": 0,
                "link_quality": {
                    "target_group": 0,
                    "organisation": 0,
                    "insufficient": 0,
                    "uncoded": 1,
                },
            },
        )
        one = self.client.get(self.urls()[3], {"lan": "03"}).json()
        self.assertEqual(one["county"], "03")
        self.assertEqual(one["pots"][0]["reporting_actors"], 1)
        indicators = self.client.get(self.urls()[1]).json()
        national = [
            v
            for v in indicators["values"]
            if v["scope"] == "national"
            and v["indicator"] == "bup.first_assessment.share_within_30_days"
        ]
        self.assertEqual(national[0]["value"], 0.8)
        self.assertEqual(len(indicators["indicators"]), 4)
        coverage = self.client.get(self.urls()[0]).json()
        county = next(r for r in coverage["national"] if r["org_kind"] == "county")
        self.assertEqual((county["reported"], county["total"]), (2, 21))
        stockholm = next(r for r in coverage["counties"] if r["county_code"] == "01")
        self.assertEqual(stockholm["county"], {"reported": 1, "total": 1})
        self.assertEqual(stockholm["region"], {"reported": 1, "total": 1})
        self.assertEqual(stockholm["municipality"], {"reported": 0, "total": 26})
        effects = self.client.get(self.urls()[4]).json()["effects"]
        self.assertEqual({e["organisation"] for e in effects}, {"Stockholms län", "Uppsala län"})
        flags = self.client.get(self.urls()[2]).json()
        self.assertIn("suicidprevention", flags["parts"])
