"""Small text helpers shared by imports, commands and views."""


def is_digits(text):
    """True for a non-empty string of ASCII digits 0–9 only.

    `str.isdigit()` alone also accepts characters such as '²' or '٣', which `int()` then
    refuses or reads unexpectedly; input from files and URLs must be plain digits."""
    return text.isascii() and text.isdigit()


def year_param(text):
    """A year from a query parameter (`?ar=2020`), or None if it is not four plain digits."""
    text = (text or "").strip()
    return int(text) if len(text) == 4 and is_digits(text) else None


def thousands(number):
    """An integer in Swedish number format, groups of three separated by a no-break space:
    2 345 678."""
    return f"{int(number):,}".replace(",", "\u00a0")
