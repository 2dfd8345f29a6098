from django.test import SimpleTestCase

from ..search import fold, matches, query_stems


class SearchTest(SimpleTestCase):
    def test_fold(self):
        self.assertEqual(fold("Ökad TILLGÄNGLIGHET på Café"), "okad tillganglighet pa cafe")

    def test_inflections_and_accents(self):
        text = "Utbildningar för skolornas personal i suicidprevention och ökad tillgänglighet"
        for query in (
            "utbildning",
            "UTBILDNINGEN",
            "skola",
            "skolor",
            "prevention",
            "Tillganglighet",
            "okad",
            "ökade tillgängligheten",
        ):
            self.assertTrue(matches(query_stems(query), text), query)
        for query in ("vården", "utbildning vård", "ska"):
            self.assertFalse(matches(query_stems(query), text), query)

    def test_empty_query_matches(self):
        self.assertTrue(matches(query_stems(""), "vad som helst"))
