"""Numbers in Swedish form, the one place that writes and reads them: groups of three
separated by a no-break space (2 345 678), a decimal comma (0,25), a dash for no value; and
whole numbers (kronor, counts) read from form text and files as the database stores them."""

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
    # A float as it is written (12.4), not its binary value (12.4000000000000003552…).
    number = Decimal(repr(value) if isinstance(value, float) else value).normalize()
    if number == number.to_integral():
        return thousands(number)
    whole, _, fraction = f"{number:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{thousands(abs(int(whole)))},{fraction}"


def parse_count(text: str) -> int | None:
    """A whole number ≥ 0 as files write it ('12 345', '12345'): digits 0–9 only, spaces and
    no-break spaces between the groups; None if the text is not one."""
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    return int(value) if value.isascii() and value.isdigit() else None


MAX_BIGINT = 2**63 - 1


class NumberTooLarge(ValueError):
    """A whole number beyond what the database stores (±2**63 − 1)."""


def parse_int(value: object) -> int | None:
    """Whole kronor/counts from form text: '1 200 000', '1200000', 1200000. None if blank;
    raises ValueError if not a whole number or too large for the database."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if text == "":
            return None
        if text.endswith(",00") or text.endswith(".00"):
            text = text[:-3]
        number = int(text)
    if abs(number) > MAX_BIGINT:
        raise NumberTooLarge(value)
    return number
