from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..flags import quality_flags, stored_flags
from ..models import QualityFlag, QualityFlagSet
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
    url = PartFlagsTest.url

    def test_flags_are_computed_once_per_data_change(self):
        before = quality_flags(self.agreement, part=self.suicide)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(quality_flags(self.agreement, part=self.suicide), before)
        self.assertFalse(any('reporting_initiative"."title' in q["sql"] for q in queries))
        make_initiative(self.report, None, title="Ny med andra medel", within_agreement=False)
        after = quality_flags(self.agreement, part=self.suicide)
        self.assertIn("Ny med andra medel", [f["initiative"] for f in after])

    def test_a_data_change_replaces_the_stored_rows(self):
        stored_flags(self.agreement)
        version = QualityFlagSet.objects.get(agreement=self.agreement).version
        count = QualityFlag.objects.filter(agreement=self.agreement).count()
        with CaptureQueriesContext(connection) as queries:
            stored_flags(self.agreement)
        self.assertFalse(any("INSERT" in q["sql"] for q in queries))
        make_initiative(self.report, None, title="Ny med andra medel", within_agreement=False)
        rows = list(stored_flags(self.agreement))
        self.assertNotEqual(QualityFlagSet.objects.get(agreement=self.agreement).version, version)
        self.assertEqual(len(rows), count + 1)
        self.assertEqual(QualityFlag.objects.count(), count + 1)
        self.assertEqual([r.position for r in rows], list(range(count + 1)))
        self.assertIn("Ny med andra medel", [r.initiative_name for r in rows])

    def test_the_page_reads_one_page_of_stored_rows(self):
        for n in range(130):
            make_initiative(self.report, None, title=f"Annan {n:03}", within_agreement=False)
        stored_flags(self.agreement)
        self.login(self.anna)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.url, {"sida": 2})
        self.assertEqual(len(response.context["flags"]), 32)  # 130 + the two of the set-up
        flag_reads = [q["sql"] for q in queries if 'FROM "analysis_qualityflag"' in q["sql"]]
        self.assertTrue(any("LIMIT 32 OFFSET 100" in sql for sql in flag_reads), flag_reads)
        self.assertFalse(any('reporting_initiative"."title' in q["sql"] for q in queries))
