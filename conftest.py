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
