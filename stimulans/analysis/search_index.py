"""The database's full-text index of the initiatives' texts (title, activities, goals, outputs,
effects), in Swedish, for the workbench search (`analysis.search.search_initiatives`).

- PostgreSQL: a GIN index on `to_tsvector('swedish', …)` of the five columns (`PG_VECTOR`); the
  database keeps it up to date and stems with its Swedish (Snowball) configuration.
- SQLite: an FTS5 table (`FTS_TABLE`, rowid = the initiative's id) holding the texts stemmed
  with PyStemmer's Swedish Snowball stemmer (FTS5 has none), kept up to date by triggers on
  `reporting_initiative` (every write path: the form, the API, `bulk_create` in the imports,
  `QuerySet.update`, restores). The triggers call the SQL function `stimulans_search_stems`,
  which `register` adds to every connection the product opens (`AnalysisConfig.ready`); an
  initiative written from a bare `sqlite3` shell fails with "no such function".

`install` and `uninstall` are what the migration runs; the benchmarks, which create their tables
without migrations, call `install` too."""

import re

import Stemmer

FTS_TABLE = "analysis_initiative_search"
PG_INDEX = "analysis_initiative_search"
SQL_FUNCTION = "stimulans_search_stems"
COLUMNS = ("title", "activities", "goals", "outputs", "effects")
# The columns are NOT NULL (blank texts are ''), so no COALESCE: the same expression in the
# index and in the query (`search.search_initiatives`), which PostgreSQL needs to use the index.
DOCUMENT = " || ' ' || ".join(COLUMNS)
PG_VECTOR = f"to_tsvector('swedish'::regconfig, {DOCUMENT})"

WORD = re.compile(r"\w+")
_stemmer = Stemmer.Stemmer("swedish")


def stems(text):
    """The Swedish stems of the words of `text`, lower case, in order."""
    return _stemmer.stemWords(WORD.findall(text.lower()))


def stemmed_document(*texts):
    """The texts as the SQLite index stores them: their stems separated by spaces."""
    return " ".join(stems(" ".join(t or "" for t in texts)))


def register(dbapi_connection):
    """Add `stimulans_search_stems(title, activities, goals, outputs, effects)` to an sqlite3
    connection."""
    dbapi_connection.create_function(
        SQL_FUNCTION, len(COLUMNS), stemmed_document, deterministic=True
    )


def _sqlite_statements():
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    insert = (
        f"DELETE FROM {FTS_TABLE} WHERE rowid = new.id; "
        f"INSERT INTO {FTS_TABLE}(rowid, stems) VALUES (new.id, {SQL_FUNCTION}({new}));"
    )
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "stems, tokenize = 'unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON reporting_initiative "
        f"BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF {', '.join(COLUMNS)} "
        f"ON reporting_initiative BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON reporting_initiative "
        f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
        f"DELETE FROM {FTS_TABLE}",
        f"INSERT INTO {FTS_TABLE}(rowid, stems) "
        f"SELECT id, {SQL_FUNCTION}({', '.join(COLUMNS)}) FROM reporting_initiative",
    ]


def install(connection):
    """Create the index on `connection` (a Django connection) and fill it."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        register(connection.connection)
        statements = _sqlite_statements()
    elif connection.vendor == "postgresql":
        statements = [
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON reporting_initiative "
            f"USING gin (({PG_VECTOR}))"
        ]
    else:
        return
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def uninstall(connection):
    if connection.vendor == "sqlite":
        statements = [
            *(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{t}" for t in ("insert", "update", "delete")),
            f"DROP TABLE IF EXISTS {FTS_TABLE}",
        ]
    elif connection.vendor == "postgresql":
        statements = [f"DROP INDEX IF EXISTS {PG_INDEX}"]
    else:
        return
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
