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
        self.assertEqual(response.status_code, 200, response.content)
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
        # Anonymous requests: 401 (assertAccess checks them every time).
        national = [self.anna, self.adam]
        lists = self.assertAccess(
            URL, allowed=[self.alice, self.charlie, self.cora, self.otto, *national], ok=200
        )
        self.assertEqual(self.ids(lists[self.alice]), [self.mine.pk])
        self.assertAccess(
            detail(self.mine), allowed=[self.alice], refused=[self.charlie], refused_status=404
        )
        for other in (self.bobs, self.charlies, self.reginas):
            self.assertAccess(detail(other), refused=[self.alice], refused_status=404)
        self.auth(self.alice)
        self.assertEqual(
            self.client.get(reverse("api:report-detail", args=[99999])).status_code, 404
        )
        self.assertEqual(self.ids(lists[self.charlie]), [self.charlies.pk])
        # County coordinators: the reports of their county.
        self.assertEqual(
            self.ids(lists[self.cora]), sorted([self.mine.pk, self.bobs.pk, self.reginas.pk])
        )
        self.assertEqual(self.ids(lists[self.otto]), [self.charlies.pk])
        # Analysts and national administrators: all.
        for user in national:
            self.assertEqual(self.ids(lists[user]), everyone)
        self.assertAccess(
            detail(self.charlies), allowed=national, refused=[self.cora], refused_status=404, ok=200
        )
