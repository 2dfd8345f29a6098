"""Free-text search over initiatives.

`search_initiatives(queryset, query)` runs in the database on the full-text index of
`analysis.search_index` (PostgreSQL's Swedish configuration, SQLite's FTS5 with the texts stemmed
by the Snowball Swedish stemmer): every word of the query, stemmed, must begin a stemmed word of
the initiative's title, activities, goals, outputs or effects ("utbildningen" finds "utbildning"
and "utbildningsdag", "skola" finds "skolornas"). `workbench_initiatives` is the workbench's
list: the filters and the search as one query, in the workbench's order.

`fold`, `stem`, `query_stems` and `matches` are the older pure-Python matching (accents folded,
rough suffix stripping, compounds matched anywhere). No page calls them any more (the coding
list uses `workbench_initiatives` too); `benchmarks/search.py` measures them as the baseline.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Trim

from stimulans.reporting.models import Initiative, Report

from . import search_index

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


def _sqlite_match(words):
    """An FTS5 query: each stem a quoted prefix term (the words hold no quotes: no syntax)."""
    return " ".join(f'"{w}"*' for w in words)


def _pg_tsquery(words):
    """A to_tsquery text: each word a quoted prefix term, all required."""
    return " & ".join(f"'{w}':*" for w in words)


def search_initiatives(queryset, query):
    """The initiatives of `queryset` whose texts contain every word of `query` (stemmed, as a
    word's beginning); all of them when the query has no words. Any text is a valid query: only
    its words are searched for (quotes, operators and brackets are ignored)."""
    words = search_index.WORD.findall((query or "").lower())
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        ids = RawSQL(
            f"SELECT id FROM reporting_initiative "
            f"WHERE {search_index.PG_VECTOR} @@ to_tsquery('swedish', %s)",
            [_pg_tsquery(words)],
        )
    else:
        table = search_index.FTS_TABLE
        ids = RawSQL(
            f"SELECT rowid FROM {table} WHERE {table} MATCH %s",
            [_sqlite_match(search_index.stems(" ".join(words)))],
        )
    return queryset.filter(pk__in=ids)


# The workbench's order (organisation kind and code, the report's order, the id): the key copied
# onto the initiative (`reporting.models.WORKBENCH_KEY`), so that the index
# `initiative_workbench` (part, then these) holds it and the database walks it to a page and
# stops. Unique, since it ends with the id (keyset pages rely on that).
WORKBENCH_ORDER = ("organisation_kind", "organisation_code", "order", "pk")
_ORDER_COLUMNS = ("organisation_kind", "organisation_code", "order", "id")


def _beyond(key, backwards):
    """Rows after `key` (values of WORKBENCH_ORDER) in the workbench's order, or before it: one
    row-value comparison, which both databases read as a range of the index."""
    table = connection.ops.quote_name(Initiative._meta.db_table)
    columns = ", ".join(f"{table}.{connection.ops.quote_name(c)}" for c in _ORDER_COLUMNS)
    marks = ", ".join(["%s"] * len(key))
    op = "<" if backwards else ">"
    return RawSQL(f"({columns}) {op} ({marks})", list(key), output_field=BooleanField())


@dataclass
class KeysetPage:
    """One page of a keyset pagination: its ids in order, and whether pages lie before and
    after it (the links name the first and last id)."""

    ids: list
    has_previous: bool
    has_next: bool


def keyset_page(queryset, size, after=None, before=None, last=False):
    """A page of `size` ids of `queryset` (in WORKBENCH_ORDER): the first page, the page after
    the initiative `after` or before `before` (ids), or the last page. The database finds the
    page from the row's key with a LIMIT, so a deep page costs what the first does (an OFFSET
    reads every row before it and sorts them all). An id of another list's row still places
    the page by its key; an id of no initiative gives the first page."""
    anchor = after or before
    key = None
    if anchor is not None:
        key = Initiative.objects.filter(pk=anchor).values_list(*WORKBENCH_ORDER).first()
    backwards = last or (before is not None and key is not None)
    rows = queryset.values_list("pk", flat=True)
    if key is not None:
        rows = rows.filter(_beyond(key, backwards))
    if backwards:
        rows = rows.reverse()
    ids = list(rows[: size + 1])
    more = len(ids) > size
    ids = ids[:size]
    if backwards:
        ids.reverse()
        return KeysetPage(ids, has_previous=more, has_next=not last)
    return KeysetPage(ids, has_previous=key is not None, has_next=more)


# Up to this many initiatives (of every part) matching a search, the workbench's list is read
# from the matches on SQLite (its planner cannot tell a rare word from a common one; PostgreSQL's
# can): walking the part's index to 50 matches costs more when matches are rare.
FEW_MATCHES = 1000


def _few_matches(query):
    """Whether `query` is a search that at most FEW_MATCHES initiatives match, on SQLite (a count
    of the full-text index's matches, stopped after FEW_MATCHES + 1)."""
    words = search_index.WORD.findall(query.lower())
    if not words or connection.vendor != "sqlite":
        return False
    table = search_index.FTS_TABLE
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH %s LIMIT %s)",
            [_sqlite_match(search_index.stems(" ".join(words))), FEW_MATCHES + 1],
        )
        return cursor.fetchone()[0] <= FEW_MATCHES


WORKBENCH_RELATED = ("report__organisation", "report__pot", "category", "coding__category")


def workbench_rows(ids):
    """The initiatives `ids` (a page of `workbench_initiatives`, which passed its filters and
    search already) as the list shows them, unordered. By id alone: with the part's filter the
    database would walk the part's index to find them."""
    return (
        Initiative.objects.filter(pk__in=ids)
        .with_effective_coding()
        .select_related(*WORKBENCH_RELATED)
    )


def workbench_initiatives(part, filters=None):
    """The counted initiatives of a part with the effective coding, filtered by the workbench
    form's cleaned data (`filters`: lan, kategori, effektniva, matt, effekter, fas, medel, q),
    in the workbench's order (organisation kind and code, then the report's order)."""
    # The part's counted reports as a subquery, not a join: the few report ids are compared with
    # the index's (`initiative_workbench` ends with the report), so that the database reads no
    # initiative's row to find or count the list's.
    reports = Report.objects.counted().filter(pot__part=part).values("pk")
    f = filters or {}
    query = (f.get("q") or "").strip()
    if _few_matches(query):
        # `part_id + 0`: not a term of the index, so that SQLite reads the search's few
        # matches and sorts them instead of walking the part's index past every initiative.
        qs = Initiative.objects.alias(part_plus=F("part") + 0).filter(part_plus=part.pk)
    else:
        qs = Initiative.objects.filter(part=part)
    qs = (
        qs.filter(report__in=reports)
        .with_effective_coding()
        .select_related(*WORKBENCH_RELATED)
        .order_by(*WORKBENCH_ORDER)
    )
    if f.get("lan"):
        qs = qs.filter(report__organisation__county=f["lan"])
    if f.get("kategori"):
        qs = qs.filter(eff_category=f["kategori"].pk)
    if f.get("effektniva") == "ingen":
        qs = qs.filter(eff_level="")
    elif f.get("effektniva"):
        qs = qs.filter(eff_level=f["effektniva"])
    if f.get("matt"):
        qs = qs.filter(eff_measured=f["matt"] == "ja")
    if f.get("effekter"):
        qs = qs.annotate(eff_len=Length(Trim("effects")))
        qs = qs.filter(eff_len__gt=0) if f["effekter"] == "ja" else qs.filter(eff_len=0)
    if f.get("fas"):
        qs = qs.filter(eff_phase="" if f["fas"] == "ingen" else f["fas"])
    if f.get("medel"):
        qs = qs.filter(eff_within=f["medel"] == "overenskommelsen")
    return search_initiatives(qs, query)
