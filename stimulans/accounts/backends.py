"""The authentication backend: Django's ModelBackend with a cheaper `get_user`.

`get_user` runs on every logged-in request (the authentication middleware reads the user of the
session). ModelBackend builds its query with the ORM each time; that building cost more than
running the query (0.41 against 0.19 ms on PostgreSQL, 0.19 against 0.03 ms on SQLite,
docs/performance.md), and an autosave at the reporting deadline is little more than this lookup
and one statement. So the ORM builds the query once per database and the row is read with it
on each request: the user is still read from the database on every request, so a changed role,
organisation or password and a deactivation take effect at once.

Kept because a benchmark shows it matters for a stated target (autosave throughput >= 40 % of
the minimal view, docs/performance.md): `benchmarks/loadtest/run.py --db postgres --users 50
--duration 30 --scenarios saves baseline` on 2026-12-01 (shared machine, load average about 7)
gave 40.1 % with this backend and 36.7 % with Django's ModelBackend; `get_user` alone, timed
interleaved on the load-test database, 0.67 against 2.10 ms (PostgreSQL).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router

_queries = {}  # database alias -> (SQL, column names, converters)


def _user_query(model, alias):
    """The SQL of `model.objects.filter(pk=…)` as the ORM builds it, the names of its columns
    and the ORM's converters of their values (e.g. SQLite's booleans and datetimes)."""
    if alias not in _queries:
        compiler = model._default_manager.using(alias).filter(pk=0).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        if list(params) != [0]:  # the primary key must be the query's only parameter
            raise RuntimeError(f"unexpected parameters of the user query: {params!r}")
        columns = [expression.target.attname for expression, _sql, _alias in compiler.select]
        converters = compiler.get_converters([expression for expression, *_ in compiler.select])
        _queries[alias] = (sql, columns, converters)
    return _queries[alias]


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:  # not an id at all: no such user
            return None
        alias = router.db_for_read(model)
        sql, columns, converters = _user_query(model, alias)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(sql, [pk])
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)
        for i, (functions, expression) in converters.items():
            for convert in functions:
                row[i] = convert(row[i], expression, connection)
        user = model.from_db(alias, columns, row)
        return user if self.user_can_authenticate(user) else None
