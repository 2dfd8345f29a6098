"""Numbers in Swedish form, the one place that writes them: groups of three separated by a
no-break space (2 345 678), a decimal comma (0,25), a dash for no value."""

from decimal import Decimal

# What `int()` and `Decimal()` read: counts, kronor, decimals from the database or a form.
Number = int | float | Decimal | str

NO_VALUE = "\u2013"  # en dash


def thousands(number: Number) -> str:
    """An integer in Swedish form: 2 345 678 (the groups joined by a no-break space)."""
    return f"{int(number):,}".replace(",", "\u00a0")


def sek(value: Number | None) -> str:
    """Whole kronor in Swedish form, without the unit (1 234 567); a dash for None or ""."""
    if value is None or value == "":
        return NO_VALUE
    return thousands(value)


def decimal(value: Number | None) -> str:
    """A decimal number in Swedish form: 1 234,5 (trailing zeros dropped); a dash for None."""
    if value is None or value == "":
        return NO_VALUE
    number = Decimal(value).normalize()
    if number == number.to_integral():
        return thousands(number)
    whole, _, fraction = f"{number:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{thousands(abs(int(whole)))},{fraction}"
