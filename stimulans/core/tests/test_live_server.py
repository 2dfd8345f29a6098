"""The live server of the browser tests gives each request thread a database connection of its
own. On SQLite's shared-memory test database all threads used the test's one connection, and
two requests at once deadlocked when SQLite called back into Python (the search index's
function in the triggers on initiatives): the second-tab browser test hung in CI."""

from django.db import connection


def test_the_request_threads_have_connections_of_their_own(live_server):
    assert live_server.thread.connections_override in (None, {})
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()
