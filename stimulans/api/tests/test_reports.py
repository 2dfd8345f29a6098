from django.urls import reverse

from .base import ApiTestCase, complete_answers

URL = reverse("api:report-list")


def detail(report):
    return reverse("api:report-detail", args=[report.pk])


class ReportsReadApiTest(ApiTestCase):
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
        cls.charlies = cls.make_report(cls, cls.uppsala, cls.mobila_municipality, cls.charlie)
        cls.reginas = cls.make_report(
            cls,
            cls.region_stockholm,
            cls.youth_region,
            cls.regina,
            complete_answers(cls.youth_region),
        )

    def ids(self, response):
        self.assertStatus(response, 200)
        return sorted(r["id"] for r in response.data["results"])

    def test_a_report_has_answers_initiatives_measures_and_version(self):
        self.auth(self.regina)
        data = self.client.get(detail(self.reginas)).data
        self.assertEqual(data["organisation"]["code"], "01")
        self.assertEqual((data["year"], data["part"]), (2020, "barn-unga"))
        self.assertEqual(data["status"], "draft")
        self.assertEqual(data["version"], self.reginas.version)
        self.assertEqual(data["answers"]["funds_used_sek"], "900000")
        self.assertEqual(data["answers"]["disruption"], "pandemic")
        self.assertNotIn("initiatives", data["answers"])
        (initiative,) = data["initiatives"]
        self.assertEqual(initiative["funds_sek"], 600000)
        self.assertIs(initiative["effect_measured"], True)
        self.assertEqual(initiative["title"], "Mobilt team för unga vuxna")
        self.assertEqual(data["measures"]["bup.first_assessment.children"], 100)

    def test_it_filters(self):
        self.auth(self.adam)
        self.assertEqual(self.ids(self.client.get(URL, {"part": "barn-unga"})), [self.reginas.pk])
        self.assertEqual(self.ids(self.client.get(URL, {"org_code": "0127"})), [self.bobs.pk])
        self.assertEqual(self.ids(self.client.get(URL, {"status": "submitted"})), [])

    def test_it_checks_ownership(self):
        everyone = sorted(r.pk for r in (self.mine, self.bobs, self.charlies, self.reginas))
        # Reporters: only their organisation's reports; others' ids are not found.
        self.auth(self.alice)
        self.assertEqual(self.ids(self.client.get(URL)), [self.mine.pk])
        self.assertStatus(self.client.get(detail(self.mine)), 200)
        for other in (self.bobs, self.charlies, self.reginas):
            self.assertStatus(self.client.get(detail(other)), 404)
        self.assertStatus(self.client.get(reverse("api:report-detail", args=[99999])), 404)
        self.auth(self.charlie)
        self.assertEqual(self.ids(self.client.get(URL)), [self.charlies.pk])
        self.assertStatus(self.client.get(detail(self.mine)), 404)
        # County coordinators: the reports of their county.
        self.auth(self.cora)
        self.assertEqual(
            self.ids(self.client.get(URL)), sorted([self.mine.pk, self.bobs.pk, self.reginas.pk])
        )
        self.assertStatus(self.client.get(detail(self.charlies)), 404)
        self.auth(self.otto)
        self.assertEqual(self.ids(self.client.get(URL)), [self.charlies.pk])
        # Analysts and national administrators: all.
        for user in (self.anna, self.adam):
            self.auth(user)
            self.assertEqual(self.ids(self.client.get(URL)), everyone)
            self.assertStatus(self.client.get(detail(self.charlies)), 200)
        # Anonymous: 401.
        self.anonymous()
        self.assertStatus(self.client.get(URL), 401)
        self.assertStatus(self.client.get(detail(self.mine)), 401)
