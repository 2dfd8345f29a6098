from django.urls import reverse

from stimulans.funds.models import Allocation

from .base import ApiTestCase

URL = reverse("api:allocation-list")


class AllocationsApiTest(ApiTestCase):
    def codes(self, response):
        self.assertEqual(response.status_code, 200, response.content)
        return sorted(
            (a["organisation"]["kind"], a["organisation"]["code"]) for a in response.data["results"]
        )

    def test_it_lists_the_organisations_allocations(self):
        self.auth(self.alice)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200, response.content)
        (row,) = response.data["results"]
        self.assertEqual(row["organisation"]["code"], "0180")
        self.assertEqual(row["year"], 2020)
        self.assertEqual(row["part"], "handlingsplaner-mobila")
        self.assertEqual(row["recipient_kind"], "municipality")
        self.assertEqual(row["amount_sek"], 20_000_000)
        self.assertEqual(row["requested_sek"], 0)
        detail = self.client.get(reverse("api:allocation-detail", args=[row["id"]]))
        self.assertEqual(detail.data["amount_sek"], 20_000_000)

    def test_national_roles_filter(self):
        self.auth(self.anna)
        self.assertEqual(self.client.get(URL).data["count"], 5)
        self.assertEqual(
            self.codes(self.client.get(URL, {"org_code": "0127"})), [("municipality", "0127")]
        )
        self.assertEqual(self.client.get(URL, {"recipient_kind": "municipality"}).data["count"], 3)
        self.assertEqual(self.client.get(URL, {"county": "01"}).data["count"], 4)
        self.assertEqual(self.client.get(URL, {"part": "barn-unga", "year": 2020}).data["count"], 1)
        # A year without an agreement is an unknown value: 400, not an empty list.
        self.assertEqual((self.client.get(URL, {"year": 2019})).status_code, 400)

    def test_it_checks_ownership(self):
        uppsala = Allocation.objects.get(organisation=self.uppsala)
        # Own organisation only, for reporters; another organisation's id is not found.
        self.auth(self.alice)
        self.assertEqual(self.codes(self.client.get(URL)), [("municipality", "0180")])
        self.assertEqual(
            (self.client.get(reverse("api:allocation-detail", args=[uppsala.pk]))).status_code, 404
        )
        self.assertEqual(self.client.get(URL, {"org_code": "0380"}).data["results"], [])
        self.auth(self.regina)
        self.assertEqual(self.codes(self.client.get(URL)), [("region", "01")])
        # County coordinators: every organisation of the county.
        self.auth(self.cora)
        self.assertEqual(
            self.codes(self.client.get(URL)),
            [
                ("county", "01"),
                ("municipality", "0127"),
                ("municipality", "0180"),
                ("region", "01"),
            ],
        )
        self.auth(self.otto)
        self.assertEqual(self.codes(self.client.get(URL)), [("municipality", "0380")])
        # Analysts and national administrators: everything.
        for user in (self.anna, self.adam):
            self.auth(user)
            self.assertEqual(self.client.get(URL).data["count"], 5)
            self.assertEqual(
                (self.client.get(reverse("api:allocation-detail", args=[uppsala.pk]))).status_code,
                200,
            )
        # Anonymous or a wrong token: 401. Writing: not allowed.
        self.anonymous()
        self.assertEqual((self.client.get(URL)).status_code, 401)
        self.client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
        self.assertEqual(self.client.get(URL).status_code, 401)
        self.auth(self.adam)
        self.assertEqual(self.client.post(URL, {}, format="json").status_code, 405)
