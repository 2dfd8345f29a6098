import pytest


def pytest_configure(config):
    from django.conf import settings

    # Argon2 is the product's hasher (see test_login); tests log in with a fast one.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
    # The outbox sends after commit in the test's own thread (a TestCase runs the on-commit
    # callbacks only inside captureOnCommitCallbacks(execute=True)); test_outbox covers the
    # background thread.
    settings.MAIL_DELIVERY = "inline"
    # Background tasks run at once in tests; a test of the worker sets the database backend.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Tests sign in administrators and analysts without a second factor; the accounts tests
    # of the second factor turn the product's requirement on (test_second_factor.py).
    settings.SECOND_FACTOR_REQUIRED_ROLES = []
    # `make test` runs the suite in several processes (pytest-xdist): each has a database of
    # its own (pytest-django names them per worker) and, here, its own session and progress
    # caches and media folder, so one process's clearing or deleting never reaches another's.
    # The environment variables carry the folders to the servers and workers a test starts.
    import os
    import tempfile

    files = tempfile.mkdtemp(
        prefix=f"stimulans-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-",
        dir="/dev/shm" if os.path.isdir("/dev/shm") else None,  # in memory where there is one
    )
    for alias, variable in (("sessions", "SESSION_CACHE_DIR"), ("progress", "PROGRESS_CACHE_DIR")):
        os.environ[variable] = settings.CACHES[alias]["LOCATION"] = os.path.join(files, alias)
    settings.MEDIA_ROOT = os.path.join(files, "media")
    import atexit
    import shutil

    atexit.register(shutil.rmtree, files, ignore_errors=True)
    # SQLite's test database is a file, as in production, not shared memory: the live server's
    # request threads then each have a connection of their own. On shared memory they all use
    # the test's one connection, and two requests at once deadlock when SQLite calls back into
    # Python (the search index's function, in the triggers of an initiative's update) while
    # the other thread, holding the interpreter lock, waits for the connection's mutex: a
    # browser test then hangs for ever (seen in CI, on the second-tab test of the report form).
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = os.path.join(files, "test.sqlite3")


# The reference organisations (counties, regions, municipalities) are loaded into the test
# database once per session, not by every test class (BaseTestCase relies on them). Tests that
# roll back (`TestCase`, the `db` fixture) keep them. Transactional tests (`transaction=True`,
# `transactional_db`, `live_server`, `TransactionTestCase`) start, as they always have, with
# an empty database, and empty every table when they end; pytest-django runs them after the
# others, so the organisations are removed and loaded again only when the order needs it.
_organisations = {"ready": False, "loaded": None, "item": None}


def _database_use(item):
    """'flush', 'rollback' or None, as pytest-django decides when it orders the tests."""
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return "rollback" if issubclass(cls, TestCase) else "flush"
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return "flush"
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return "flush"
    if marker or "db" in fixtures:
        return "rollback"
    return None


def _organisations_for(item, blocker):
    """Load or remove the organisations so that the database is as `item` expects it."""
    wanted = _database_use(item) == "rollback"
    if _organisations["loaded"] is wanted:
        return
    from stimulans.organisations.models import County, Organisation
    from stimulans.organisations.reference import load_organisations

    with blocker.unblock():
        if wanted:
            load_organisations()
        else:
            Organisation.objects.all().delete()
            County.objects.all().delete()
    _organisations["loaded"] = wanted


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the reference organisations loaded (or not) for the
    first test that uses it."""
    _organisations["ready"] = True
    _organisations["loaded"] = None
    _organisations_for(_organisations["item"], django_db_blocker)
    yield
    _organisations["ready"] = False


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item):
    # Before the test's fixtures (and a TestCase's setUpTestData) run.
    _organisations["item"] = item
    if _organisations["ready"] and _database_use(item) is not None:
        from pytest_django.plugin import blocking_manager_key

        _organisations_for(item, item.config.stash[blocking_manager_key])
    result = yield
    if _database_use(item) == "flush":
        _organisations["loaded"] = False  # emptied when the test ends
    return result


@pytest.fixture(scope="session", autouse=True)
def _questionnaires_parsed_once():
    """The shipped questionnaires are parsed once per session, not by every test class that
    loads them (1.4 CPU seconds each time): `load_questionnaires` and `install_questionnaire`
    get the same definition, a fresh copy each time, for the same file, categories and
    measures. Files that do not parse still raise every time; the tests of the parser
    (`reporting.xlsform.parse_xlsform`) and the upload (`reporting.formcheck.read_form`) call
    it directly, uncached."""
    import copy

    from stimulans.reporting.questionnaires import loader

    parse = loader.read_form
    parsed = {}

    def parse_once(content, filename, categories=None, measures=None):
        key = (content, filename, frozenset(categories or ()), tuple(measures or ()))
        if key not in parsed:
            parsed[key] = parse(content, filename, categories, measures)
        return copy.deepcopy(parsed[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "read_form", parse_once)
        yield


@pytest.fixture
def browser(monkeypatch):
    """Headless Debian Chromium through Playwright's sync API."""
    from playwright.sync_api import sync_playwright

    from stimulans.testing_browser import CHROMIUM, CHROMIUM_ARGS

    # Playwright's sync API runs an event loop in this thread; the ORM calls are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
        # While Playwright's loop runs, the ORM works on connections of their own (asgiref
        # locals); close them, or PostgreSQL refuses to drop the test database at the end.
        from django.db import connections

        connections.close_all()


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Every test starts in Swedish, the product's default: a test client request with the
    English cookie leaves English active in the thread, which would leak into the next test."""
    from django.utils import translation

    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_default_cache():
    """Every test starts with an empty default cache: the analysis is cached on the data's
    version (analysis.data_version), and a rolled-back test's rows can come back with the same
    ids in the next test."""
    from django.core.cache import cache

    cache.clear()
