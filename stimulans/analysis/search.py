"""Free-text search over initiatives that tolerates case, accents and Swedish inflections.

Both the query and the texts are normalised the same way (lower case, accents folded: å→a,
ä→a, ö→o, é→e), and each query word is cut down to a rough stem by removing common Swedish
inflection endings. A text matches when every query stem occurs in it, at the start of a word
for short stems, anywhere for longer ones (compounds: "prevention" finds "suicidprevention").
The matching runs in Python over the candidate rows, so it behaves the same on SQLite and
PostgreSQL."""

import re
import unicodedata

# Longest first; a stem keeps at least three letters.
SUFFIXES = sorted(
    [
        "arnas",
        "ernas",
        "ornas",
        "andes",
        "endes",
        "heten",
        "heter",
        "arna",
        "erna",
        "orna",
        "ande",
        "ende",
        "aste",
        "het",
        "are",
        "ast",
        "ens",
        "ets",
        "ar",
        "er",
        "or",
        "en",
        "et",
        "na",
        "ad",
        "at",
        "de",
        "te",
        "a",
        "e",
        "s",
    ],
    key=len,
    reverse=True,
)
WORD = re.compile(r"\w+")


def fold(text):
    """Lower case without accents."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def stem(word):
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def query_stems(query):
    return [stem(w) for w in WORD.findall(fold(query or ""))]


def matches(stems, text):
    folded = " " + " ".join(WORD.findall(fold(text)))
    for s in stems:
        if len(s) >= 5:
            if s not in folded:
                return False
        elif " " + s not in folded:
            return False
    return True
