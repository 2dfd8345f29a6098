"""Error lists of imports, capped: a file with thousands of bad rows is reported with its first
hundred problems and a count of the rest, on the web page, in the CLI and in the API alike."""

from collections.abc import Iterable

from django.utils.translation import ngettext

from stimulans.lib.numbers import thousands

MAX_ERRORS = 100


def capped(errors: Iterable[str], limit: int = MAX_ERRORS) -> list[str]:
    """The first `limit` errors, then one line counting the others: `… och 2 345 fel till.`"""
    listed = list(errors)
    if len(listed) <= limit:
        return listed
    rest = len(listed) - limit
    more = ngettext("… och %(count)s fel till.", "… och %(count)s fel till.", rest)
    return [*listed[:limit], more % {"count": thousands(rest)}]
