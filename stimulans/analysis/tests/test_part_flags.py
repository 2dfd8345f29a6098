from django.urls import reverse

from .helpers import PageTestCase, make_initiative


class PartFlagsTest(PageTestCase):
    url = reverse("analysis:part_flags", args=[2020, "suicidprevention"])

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, [self.anna, self.adam], [self.alice, self.cora, None])

    def test_it_lists_flags(self):
        make_initiative(self.report, None, title="Betald av regionen", within_agreement=False)
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, "Insats betald med andra medel")
        self.assertContains(response, "Betald av regionen")
        self.assertContains(response, "Effekter utan mätning")

    def test_flags_are_paginated(self):
        for n in range(130):
            make_initiative(self.report, None, title=f"Annan {n:03}", within_agreement=False)
        self.login(self.anna)
        first = self.client.get(self.url)
        self.assertEqual(len(first.context["flags"]), 100)
        self.assertContains(first, "Sida 1 av 2")
        second = self.client.get(self.url, {"sida": 2, "lan": "01"})
        self.assertContains(second, "Sida 2 av 2")
        self.assertContains(second, "?lan=01&amp;sida=1")
        counts = {f["flag"]: f["count"] for f in second.context["summary"]}
        self.assertEqual(counts["other_money"], 130)


class StoredFlagsTest(PageTestCase):
    def test_flags_are_computed_once_per_data_change(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from ..flags import quality_flags

        before = quality_flags(self.agreement, part=self.suicide)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(quality_flags(self.agreement, part=self.suicide), before)
        self.assertFalse(any('reporting_initiative"."title' in q["sql"] for q in queries))
        make_initiative(self.report, None, title="Ny med andra medel", within_agreement=False)
        after = quality_flags(self.agreement, part=self.suicide)
        self.assertIn("Ny med andra medel", [f["initiative"] for f in after])
