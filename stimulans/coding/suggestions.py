"""Suggestions learned from the analysts' codings.

Per part, a model is trained on the final codings (`analysis.InitiativeCoding`) of the part's
initiatives this year and in earlier years (the same part slug): the initiative's texts as
character n-grams (3-5 within words, TF-IDF; Swedish inflections and compounds share their
n-grams; `WordNgrams`, computed once for the three dimensions) and one logistic regression per
dimension. Training a part of 1 600 codings takes about 0.3 s of processor time
(`benchmarks/coding_suggestions.py`, docs/performance.md). A suggestion gives, per dimension, the
value, its probability (the confidence) and the words of the text that pushed most towards it.

A suggestion is stored (`Suggestion`, with the model's version, training set size and date)
and never becomes a coding by itself: the analyst accepts, changes or skips it
(`codings.save_code(..., from_suggestion=True)` when accepted unchanged).

The model's version is a digest of its training set, parameters and the scikit-learn version:
the same codings give the same version (and the model is reused), any new coding a new one.
Cross-validated agreement (5 folds) per dimension is stored with the model for the workbench."""

import hashlib
import json
import re
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from django.db import transaction
from django.db.models import Q
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from threadpoolctl import threadpool_limits

from stimulans.funds.models import Category
from stimulans.reporting.models import Initiative

from .agreement import cohen_kappa
from .models import Suggestion, SuggestionModel

DIMENSIONS = ["category", "effect_level", "link_quality"]
PARAMS = {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True, "C": 3.0, "tol": 1e-3}
TEXT_FIELDS = ["title", "activities", "goals", "outputs", "effects"]
FOLDS = 5
MIN_DF_FROM = 20
WORD = re.compile(r"\w{3,}")
_fitted: dict[int, tuple[int, "Fitted"]] = {}


def initiative_text(row):
    return " ".join(row[f] or "" for f in TEXT_FIELDS)


def training_rows(part):
    """The coded initiatives of the part's slug in its year and earlier years, in a fixed order:
    [(id, text, {dimension: label or ""})]."""
    rows = (
        Initiative.objects.counted()
        .filter(
            report__pot__part__slug=part.slug,
            report__pot__part__agreement__year__lte=part.agreement.year,
            coding__isnull=False,
        )
        .order_by("pk")
        .values(
            "pk",
            *TEXT_FIELDS,
            "coding__category__slug",
            "coding__effect_level",
            "coding__link_quality",
        )
    )
    return [
        (
            r["pk"],
            initiative_text(r),
            {
                "category": r["coding__category__slug"] or "",
                "effect_level": r["coding__effect_level"] or "",
                "link_quality": r["coding__link_quality"] or "",
            },
        )
        for r in rows
    ]


def model_version(rows):
    digest = hashlib.sha256()
    digest.update(json.dumps([sklearn.__version__, repr(PARAMS)]).encode())
    for pk, text, labels in rows:
        digest.update(json.dumps([pk, text, labels], sort_keys=True).encode())
    return digest.hexdigest()[:16]


class WordNgrams:
    """TF-IDF of character n-grams within words (scikit-learn's `char_wb` analyser: each word
    padded with a space on either side), computed from the words: a text's n-gram counts are
    its word counts times each word's n-gram counts. A text has few distinct words and the
    texts share most of them, so each distinct word is cut into n-grams once, not once per
    occurrence (measured: a fifth of the time of `TfidfVectorizer`); the result is the same
    matrix as `TfidfVectorizer(analyzer="char_wb")` up to the order of the columns."""

    def __init__(self, ngram_range, min_df=1, sublinear_tf=True):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf

    def ngrams(self, word):
        """{n-gram: count} of one word, as `char_wb` cuts it."""
        low, high = self.ngram_range
        padded = f" {word} "
        found: dict[str, int] = {}
        for n in range(low, high + 1):
            if len(padded) <= n:  # a short word counts once, whole
                found[padded] = found.get(padded, 0) + 1
                break
            for i in range(len(padded) - n + 1):
                gram = padded[i : i + n]
                found[gram] = found.get(gram, 0) + 1
        return found

    @staticmethod
    def _word_counts(texts):
        """(words in first-seen order, sparse texts × words counts)."""
        index: dict[str, int] = {}
        rows, cols = [], []
        for row, text in enumerate(texts):
            for word in text.lower().split():
                col = index.setdefault(word, len(index))
                rows.append(row)
                cols.append(col)
        counts = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(index)))
        counts.sum_duplicates()
        return list(index), counts

    def _ngram_matrix(self, words, vocabulary):
        """Sparse words × n-grams counts; with `vocabulary` ({n-gram: column}) only its n-grams,
        else the vocabulary grows."""
        indptr, cols, values = [0], [], []
        grow = vocabulary is None
        vocabulary = {} if grow else vocabulary
        for word in words:
            for gram, count in self.ngrams(word).items():
                col = vocabulary.setdefault(gram, len(vocabulary)) if grow else vocabulary.get(gram)
                if col is not None:
                    cols.append(col)
                    values.append(count)
            indptr.append(len(cols))
        matrix = sp.csr_matrix(
            (np.array(values, dtype=float), cols, indptr), shape=(len(words), len(vocabulary))
        )
        return matrix, vocabulary

    def fit_transform(self, texts):
        words, word_counts = self._word_counts(texts)
        ngram_counts, vocabulary = self._ngram_matrix(words, None)
        counts = (word_counts @ ngram_counts).tocsr()
        if self.min_df > 1:
            frequency = np.bincount(counts.indices, minlength=counts.shape[1])
            keep = np.flatnonzero(frequency >= self.min_df)
            counts = counts[:, keep]
            grams = list(vocabulary)
            vocabulary = {grams[col]: i for i, col in enumerate(keep)}
        self.vocabulary_ = vocabulary
        self.tfidf = TfidfTransformer(sublinear_tf=self.sublinear_tf)
        return self.tfidf.fit_transform(counts)

    def transform(self, texts):
        words, word_counts = self._word_counts(texts)
        ngram_counts, _vocabulary = self._ngram_matrix(words, self.vocabulary_)
        return self.tfidf.transform((word_counts @ ngram_counts).tocsr())


class Classifier:
    """A logistic regression over the TF-IDF features, or the one label where there is one."""

    def __init__(self, features, labels):
        self.classes = sorted(set(labels))
        self.model = None
        if len(self.classes) > 1:
            self.model = LogisticRegression(C=PARAMS["C"], tol=PARAMS["tol"], max_iter=2000)
            self.model.fit(features, labels)
            self.classes = list(self.model.classes_)

    def probabilities(self, features):
        if self.model is None:
            return np.ones((features.shape[0], 1))
        return self.model.predict_proba(features)

    def weights(self, index):
        if self.model is None:
            return None
        coef = self.model.coef_
        if coef.shape[0] == 1:  # two classes: one row, towards classes_[1]
            return coef[0] if index == 1 else -coef[0]
        return coef[index]


class Fitted:
    """The vectorizer and the classifiers of one training set. One thread for the numerical
    libraries: the sets are small, and threads only contend with the web workers."""

    def __init__(self, rows):
        with threadpool_limits(limits=1):
            self._fit(rows)

    def _fit(self, rows):
        self.vectorizer = WordNgrams(
            ngram_range=PARAMS["ngram_range"],
            sublinear_tf=True,
            # n-grams of a single initiative tell nothing about a category (names, numbers)
            min_df=2 if len(rows) >= MIN_DF_FROM else 1,
        )
        texts = [text for _pk, text, _labels in rows]
        matrix = self.vectorizer.fit_transform(texts)
        self.classifiers = {}
        for dimension in DIMENSIONS:
            keep = [i for i, (_pk, _t, labels) in enumerate(rows) if labels[dimension]]
            if keep:
                labels = [rows[i][2][dimension] for i in keep]
                self.classifiers[dimension] = Classifier(matrix[keep], labels)

    def predict(self, text, words=5):
        """{dimension: (value, confidence, [words])}. Without `threadpool_limits` (it costs a
        millisecond, a third of a suggestion): one text's products are too small for threads."""
        features = self.vectorizer.transform([text])
        tokens = sorted(set(WORD.findall(text.lower())))
        token_features = self.vectorizer.transform(tokens) if tokens else None
        result = {}
        for dimension, classifier in self.classifiers.items():
            probabilities = classifier.probabilities(features)[0]
            best = int(np.argmax(probabilities))
            drivers = []
            weights = classifier.weights(best)
            if weights is not None and token_features is not None:
                scores = token_features @ weights
                order = np.argsort(-scores)
                drivers = [tokens[i] for i in order[:words] if scores[i] > 0]
            result[dimension] = (
                classifier.classes[best],
                float(probabilities[best]),
                drivers,
            )
        return result


def cross_validate(rows):
    """{dimension: {"units", "agreement", "kappa"}} of 5-fold cross-validated predictions
    against the analysts' codes."""
    if len(rows) < FOLDS * 2:
        return {}
    predicted: dict[str, list[tuple[str, str]]] = {d: [] for d in DIMENSIONS}
    for train, test in KFold(FOLDS, shuffle=True, random_state=0).split(rows):
        fitted = Fitted([rows[i] for i in train])
        test_rows = [rows[i] for i in test]
        with threadpool_limits(limits=1):
            features = fitted.vectorizer.transform([t for _pk, t, _l in test_rows])
            guessed = {
                d: c.probabilities(features).argmax(axis=1) for d, c in fitted.classifiers.items()
            }
        for dimension, classifier in fitted.classifiers.items():
            guesses = guessed[dimension]
            for (_pk, _t, labels), guess in zip(test_rows, guesses, strict=True):
                if labels[dimension]:
                    predicted[dimension].append((labels[dimension], classifier.classes[guess]))
    result = {}
    for dimension, pairs in predicted.items():
        if pairs:
            result[dimension] = {
                "units": len(pairs),
                "agreement": sum(a == b for a, b in pairs) / len(pairs),
                "kappa": cohen_kappa(pairs),
            }
    return result


def train(part, validate=True):
    """The part's current model: reused when its training set is unchanged, else trained and
    recorded. None without any coded initiative."""
    rows = training_rows(part)
    if not rows:
        return None
    version = model_version(rows)
    record = SuggestionModel.objects.filter(part=part, version=version).first()
    if record is not None and record.pk in _fitted:
        return record
    started = time.perf_counter()
    fitted = Fitted(rows)
    seconds = time.perf_counter() - started
    if record is None:
        record = SuggestionModel.objects.create(
            part=part,
            version=version,
            training_size=len(rows),
            training_seconds=seconds,
            cross_validated=cross_validate(rows) if validate else {},
        )
    # One fitted model per part in this process: an older version's is dropped.
    for pk in [pk for pk, (part_id, _f) in _fitted.items() if part_id == part.pk]:
        del _fitted[pk]
    _fitted[record.pk] = (part.pk, fitted)
    return record


def fitted_model(record):
    return _fitted[record.pk][1]


def uncoded(part):
    return (
        Initiative.objects.counted()
        .filter(report__pot__part=part, coding__isnull=True)
        .select_related("report__organisation", "report__pot")
        .order_by("report__organisation__kind", "report__organisation__code", "order", "pk")
    )


@transaction.atomic
def suggest(part, initiatives=None):
    """Stored suggestions for the part's initiatives without a final coding (or `initiatives`):
    [(initiative, Suggestion)]. Empty without a model."""
    record = train(part)
    if record is None:
        return []
    fitted = fitted_model(record)
    initiatives = list(uncoded(part) if initiatives is None else initiatives)
    categories: dict[tuple[int, str], Category] = {
        (c.pot_id, c.slug): c for c in Category.objects.filter(pot__part=part)
    }
    Suggestion.objects.filter(
        Q(initiative__in=[i.pk for i in initiatives]) & ~Q(model=record)
    ).delete()
    existing = {
        s.initiative_id: s
        for s in Suggestion.objects.filter(model=record, initiative__in=initiatives)
    }
    result = []
    for initiative in initiatives:
        suggestion = existing.get(initiative.pk)
        if suggestion is None:
            text = initiative_text({f: getattr(initiative, f) for f in TEXT_FIELDS})
            predicted = fitted.predict(text)
            suggestion = Suggestion(initiative=initiative, model=record, words={})
            for dimension, (value, confidence, words) in predicted.items():
                if dimension == "category":
                    category = categories.get((initiative.report.pot_id, value))
                    if category is None:
                        continue
                    suggestion.category = category
                else:
                    setattr(suggestion, dimension, value)
                setattr(suggestion, f"{dimension}_confidence", confidence)
                suggestion.words[dimension] = words
            suggestion.save()
        result.append((initiative, suggestion))
    return result


def latest_model(part):
    return SuggestionModel.objects.filter(part=part).first()
