"""The county filter (`?lan=`) of the analysis pages and JSON: a county that does not exist is
404, also when the code holds a character that no code has (NUL, which PostgreSQL refuses in a
query: that was a server error there)."""

from django.urls import reverse

from .helpers import PageTestCase


class CountyParamTest(PageTestCase):
    def urls(self):
        return [
            reverse("analysis:part_analysis", args=[2020, "suicidprevention"]),
            reverse("analysis:indicators", args=[2020]),
            reverse("analysis:api_coverage", args=[2020]),
            reverse("analysis:api_aggregate", args=[2020, "suicidprevention"]),
        ]

    def test_it_checks_ownership(self):
        # The filter comes after the scope rule: what the caller may not read stays refused.
        for url in self.urls():
            self.assertAccess(
                url + "?lan=01", [self.cora, self.anna, self.adam], [self.alice, None]
            )

    def test_unknown_county_is_not_found(self):
        self.login(self.anna)
        for url in self.urls():
            for code in ("99", "0\x001", "\x00"):
                response = self.client.get(url, {"lan": code})
                self.assertEqual(response.status_code, 404, (url, code))
