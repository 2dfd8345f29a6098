"""Suggestions learned from the analysts' codings: never a coding by themselves, the model's
version, training set size and date recorded, accepted suggestions recorded on the code, the
cross-validated quality on the overview, `stimulans suggest-coding`."""

import json
from io import StringIO

import numpy as np
from django.core.management import call_command
from django.test import SimpleTestCase
from sklearn.feature_extraction.text import TfidfVectorizer

from stimulans.analysis.models import InitiativeCoding
from stimulans.analysis.tests.helpers import county_org, make_initiative, make_report

from ..codings import save_code
from ..models import CoderCode, Suggestion, SuggestionModel
from ..suggestions import WordNgrams, suggest, train
from .helpers import CodingTestCase

KNOWLEDGE = [
    "Utbildning av personal i suicidprevention",
    "Kurs för skolpersonal",
    "Kompetensutveckling och utbildningsdag",
]
COORDINATION = [
    "Samordning av nätverk",
    "Projektledare samordnar länets aktörer",
    "Nätverksträffar och samordning",
]


class SuggestionTest(CodingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        report = make_report(county_org("05"), cls.suicide_pot)
        cls.coded = []
        for i in range(12):
            knowledge = i % 2 == 0
            texts = KNOWLEDGE if knowledge else COORDINATION
            initiative = make_initiative(report, activities=texts[i % 3], goals="", title=f"T{i}")
            InitiativeCoding.objects.create(
                initiative=initiative,
                category=cls.cat["kunskap-kompetens" if knowledge else "samordning-projektledning"],
                effect_level="organisation" if knowledge else "target_group",
            )
            cls.coded.append(initiative)
        cls.new = make_initiative(
            report, activities="Utbildning för personal om suicid", goals="", title="Ny"
        )

    def test_suggestions_are_never_codings(self):
        before = InitiativeCoding.objects.count()
        made = dict(suggest(self.part))
        self.assertIn(self.new, made)
        self.assertEqual(InitiativeCoding.objects.count(), before)
        self.assertFalse(CoderCode.objects.exists())
        suggestion = made[self.new]
        self.assertEqual(suggestion.category, self.cat["kunskap-kompetens"])
        self.assertGreater(suggestion.category_confidence, 0.5)
        self.assertEqual(suggestion.effect_level, "organisation")
        self.assertTrue(suggestion.words["category"])
        self.assertTrue(
            set(suggestion.words["category"])
            <= {"utbildning", "för", "personal", "om", "suicid", "ny", "aktivitet"}
            | set(" ".join(KNOWLEDGE).lower().split())
        )

    def test_model_version_training_size_and_date(self):
        model = train(self.part)
        self.assertEqual(model.training_size, 12)
        self.assertEqual(len(model.version), 16)
        self.assertIsNotNone(model.trained_at)
        self.assertEqual(train(self.part).pk, model.pk)  # same codings: the same model
        suggestion = dict(suggest(self.part))[self.new]
        self.assertEqual(suggestion.model, model)
        self.assertIn("category", model.cross_validated)
        self.assertGreaterEqual(model.cross_validated["category"]["agreement"], 0.5)
        # A new coding: a new version.
        save_code(self.new, self.anna, {"category": self.cat["kunskap-kompetens"]})
        newer = train(self.part)
        self.assertNotEqual(newer.version, model.version)
        self.assertEqual(newer.training_size, 13)

    def test_accepting_a_suggestion_is_recorded(self):
        suggest(self.part)
        self.login(self.anna)
        url = self.base_url(f"insats/{self.new.pk}/")
        page = self.client.get(url)
        self.assertContains(page, "Förslaget blir aldrig en kodning av sig självt")
        self.assertTrue(page.context["form"].initial["from_suggestion"])
        self.client.post(
            url,
            {
                "category": self.cat["kunskap-kompetens"].pk,
                "effect_level": "organisation",
                "from_suggestion": "True",
            },
        )
        self.assertTrue(CoderCode.objects.get(initiative=self.new).from_suggestion)
        # Changed before saving: not an accepted suggestion.
        self.client.post(
            url, {"category": self.cat["samordning-projektledning"].pk, "from_suggestion": "True"}
        )
        self.assertFalse(CoderCode.objects.get(initiative=self.new).from_suggestion)

    def test_bulk_accept(self):
        suggest(self.part)
        url = self.base_url("ko/godta/")
        self.assertAccess(
            url,
            allowed=(),
            refused=(self.alice, self.cora),
            method="post",
            data={"insats": self.new.pk},
        )
        self.login(self.anna)
        response = self.client.post(
            url, {"insats": [self.new.pk, self.coded[0].pk], "ko": "forslag"}
        )
        self.assertRedirects(
            response, self.base_url("ko/?ko=forslag"), fetch_redirect_response=False
        )
        self.assertEqual(
            InitiativeCoding.objects.get(initiative=self.new).category,
            self.cat["kunskap-kompetens"],
        )
        self.assertTrue(CoderCode.objects.get(initiative=self.new).from_suggestion)
        self.assertEqual(CoderCode.objects.count(), 1)  # the coded one had no suggestion

    def test_overview_shows_the_measured_quality(self):
        train(self.part)
        self.login(self.anna)
        response = self.client.get(self.base_url())
        self.assertContains(response, "Korsvaliderad")

    def test_command(self):
        out = StringIO()
        call_command(
            "suggest_coding",
            "--year",
            "2020",
            "--part",
            "suicidprevention",
            "--format",
            "json",
            stdout=out,
        )
        rows = json.loads(out.getvalue())
        # Every initiative without a final coding: the helpers' six and the new one.
        self.assertEqual(len(rows), 7)
        row = next(r for r in rows if r["initiative"] == self.new.identifier)
        self.assertEqual(
            set(row),
            {
                "org_kind",
                "org_code",
                "initiative",
                "category",
                "confidence",
                "effect_level",
                "link_quality",
            },
        )
        self.assertEqual(
            (row["org_kind"], row["org_code"], row["category"]),
            ("county", "05", "kunskap-kompetens"),
        )
        self.assertIsNone(row["link_quality"])  # nobody coded link quality
        self.assertEqual(Suggestion.objects.count(), 7)
        self.assertEqual(SuggestionModel.objects.count(), 1)


class WordNgramsTest(SimpleTestCase):
    """The n-grams built from the words are scikit-learn's `char_wb` TF-IDF, column for column."""

    TEXTS = [
        "Utbildning av personal, utbildningar och KURSER",
        "Samverkan i  nätverk\tmed länets aktörer; samverkan!",
        "å ab x",
        "",
        "Utbildning i samverkan",
    ]

    def test_it_equals_tfidf_vectorizer(self):
        for min_df in (1, 2):
            theirs = TfidfVectorizer(
                analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=min_df
            )
            expected = theirs.fit_transform(self.TEXTS).toarray()
            ours = WordNgrams((3, 5), min_df=min_df)
            got = ours.fit_transform(self.TEXTS)
            self.assertEqual(set(ours.vocabulary_), set(theirs.vocabulary_))
            columns = [ours.vocabulary_[g] for g in theirs.get_feature_names_out()]
            np.testing.assert_allclose(got[:, columns].toarray(), expected, atol=1e-12)
            new = ["utbildningar i nätverk", "helt okänt", ""]
            np.testing.assert_allclose(
                ours.transform(new)[:, columns].toarray(),
                theirs.transform(new).toarray(),
                atol=1e-12,
            )
