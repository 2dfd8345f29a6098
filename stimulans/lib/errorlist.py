"""Error lists of imports, capped: a file with thousands of bad rows is reported with its first
hundred problems and a count of the rest, on the web page, in the CLI and in the API alike."""

from django.utils.translation import ngettext

from stimulans.lib.numbers import thousands

MAX_ERRORS = 100


def capped(errors, limit=MAX_ERRORS):
    """The first `limit` errors, then one line counting the others: `… och 2 345 fel till.`"""
    errors = list(errors)
    if len(errors) <= limit:
        return errors
    rest = len(errors) - limit
    more = ngettext("… och %(count)s fel till.", "… och %(count)s fel till.", rest)
    return [*errors[:limit], more % {"count": thousands(rest)}]
