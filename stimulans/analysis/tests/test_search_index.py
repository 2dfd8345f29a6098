"""The workbench search in the database (analysis.search_initiatives on the index of
analysis.search_index), on SQLite and PostgreSQL alike."""

from django.db import connection
from django.urls import reverse

from stimulans.reporting.models import Initiative

from ..search import search_initiatives
from ..search_index import stems
from .helpers import PageTestCase, make_initiative, make_report, region


class SearchIndexTest(PageTestCase):
    def found(self, query):
        return sorted(
            search_initiatives(Initiative.objects.all(), query).values_list("title", flat=True)
        )

    def test_stemming_as_the_swedish_stemmer_does(self):
        make_initiative(self.report, title="Samverkande team", activities="Vi samverkade")
        make_initiative(self.report, title="Samverkan med skolan", activities="")
        self.assertEqual(stems("samverkande samverka"), ["samverk", "samverk"])
        # "samverka" and "samverkande" share the stem "samverk", which also begins "samverkan".
        self.assertEqual(self.found("samverka"), ["Samverkan med skolan", "Samverkande team"])
        self.assertEqual(self.found("samverkande"), ["Samverkan med skolan", "Samverkande team"])
        # The stemmer keeps the noun "samverkan" whole: it finds itself and its compounds only.
        self.assertEqual(self.found("SAMVERKAN"), ["Samverkan med skolan"])
        self.assertEqual(
            self.found("skolornas"), ["Samordnare för suicidprevention", "Samverkan med skolan"]
        )

    def test_every_word_must_match(self):
        self.assertEqual(self.found("ökad kunskap"), ["Utbildningsdag"])
        self.assertEqual(self.found("ökad samordnare"), [])

    def test_the_index_follows_saves_updates_and_deletes(self):
        self.assertEqual(self.found("dialogmöten"), [])
        self.initiative.goals = "Dialogmöten med brukare"
        self.initiative.save()
        self.assertEqual(self.found("dialogmöte"), ["Samordnare för suicidprevention"])
        Initiative.objects.filter(pk=self.initiative.pk).update(goals="Nätverk")
        self.assertEqual(self.found("dialogmöte"), [])
        self.assertEqual(self.found("nätverken"), ["Samordnare för suicidprevention"])
        bulk = Initiative.objects.bulk_create(
            [Initiative(report=self.report, identifier="b1", title="Massimport", effects="Lugnare")]
        )
        self.assertEqual(self.found("lugnare"), ["Massimport"])
        Initiative.objects.filter(pk=bulk[0].pk).delete()
        self.assertEqual(self.found("lugnare"), [])
        self.assertEqual(self.found("massimport"), [])

    def test_odd_queries_are_words_only(self):
        everything = self.found("")
        self.assertEqual(len(everything), 2)
        for query in (
            '"',
            "*",
            ":",
            "^",
            "(",
            ")",
            '"*:^()',
            "' & | !",
            "NOT",
            "AND OR",
            "-x",
            "a:*",
            "\\",
            "%",
            "NEAR(a b)",
            "title:samordnare",
            "   ",
        ):
            found = self.found(query)  # no error
            self.assertLessEqual(set(found), set(everything), query)
        self.assertEqual(self.found('"samordnare"'), ["Samordnare för suicidprevention"])
        self.assertEqual(self.found("(samordnare) OR"), [])

    def test_the_index_is_used(self):
        if connection.vendor == "postgresql":
            self.assertIn("analysis_initiative_search", self.explain("samordnare"))
        else:
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM analysis_initiative_search")
                self.assertEqual(cursor.fetchone()[0], Initiative.objects.count())

    def explain(self, query):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            return search_initiatives(Initiative.objects.all(), query).explain()


class WorkbenchSearchPagesTest(PageTestCase):
    url = reverse("analysis:workbench", args=[2020, "suicidprevention"])

    def test_results_are_paginated(self):
        report = make_report(region("01"), self.suicide_pot)
        for n in range(120):
            make_initiative(report, title=f"Mottagning {n:03}", activities="Första linjen")
        self.login(self.anna)
        first = self.client.get(self.url, {"q": "mottagningar linje"})
        self.assertEqual(first.context["total"], 120)
        self.assertEqual(len(first.context["initiatives"]), 50)
        # Keyset pages: the links name the row the next page follows.
        after = first.context["initiatives"][-1].pk
        self.assertContains(first, f"efter={after}")
        second = self.client.get(self.url, {"q": "mottagningar linje", "efter": after})
        after = second.context["initiatives"][-1].pk
        last = self.client.get(self.url, {"q": "mottagningar linje", "efter": after})
        self.assertEqual([i.title for i in last.context["initiatives"]][-1], "Mottagning 119")
        self.assertEqual(len(last.context["initiatives"]), 20)
        self.assertEqual(
            self.client.get(self.url, {"q": "mottagningar linje", "sida": "sista"})
            .context["initiatives"][-1]
            .title,
            "Mottagning 119",
        )
        odd = self.client.get(self.url, {"q": '"*:^()', "sida": "x"})
        self.assertEqual(odd.status_code, 200)
