from django.urls import reverse

from .base import ApiTestCase


class SchemaTest(ApiTestCase):
    def test_the_schema_describes_the_endpoints(self):
        self.auth(self.alice)
        response = self.client.get(reverse("api:schema"), {"format": "json"})
        self.assertEqual(response.status_code, 200, response.content)
        paths = response.json()["paths"]
        for path in [
            "/api/v1/allocations/",
            "/api/v1/reports/",
            "/api/v1/reports/{id}/",
            "/api/v1/reports/{id}/submit/",
        ]:
            self.assertIn(path, paths)

    def test_it_checks_ownership(self):
        # Anyone with an account reads the schema and the docs; anonymous users do not.
        for url in (reverse("api:schema"), reverse("api:docs")):
            self.assertAccess(url, allowed=[self.alice, self.cora, self.anna, self.adam], ok=200)
