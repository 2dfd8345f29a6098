"""Optimistic locking: the version a save is based on, and the page token of one load of the
report form."""

import uuid

from .errors import ConcurrentEditError


def parse_version(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def check_version(report, expected_version, user, page=None):
    """Raise ConcurrentEditError unless the caller's edit is based on the report's current
    version – or on a version after which only the same page's own autosaves came (`page`:
    the token of one load of the report form, posted with each autosave and save): a save
    clicked while the page's autosave was on its way must not collide with itself, while any
    other change in between is refused, even by the same user in another tab."""
    expected = parse_version(expected_version)
    if expected == report.version:
        return
    since = report.autosave_since
    if (
        expected is not None
        and user is not None
        and page
        and since is not None
        and since <= expected < report.version
        and not report.autosaves.filter(version__gt=expected)
        .exclude(page=page, saved_by=user)
        .exists()
    ):
        return
    raise ConcurrentEditError(report, expected_version)


def new_page_token():
    """A token for one load of the report form (see check_version)."""
    return uuid.uuid4().hex


def page_token(value):
    """A posted page token as stored: at most 32 characters, '' if none."""
    return str(value or "")[:32]
