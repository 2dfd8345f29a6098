"""Whole numbers from form text and files (kronor, counts), as the database stores them."""

MAX_BIGINT = 2**63 - 1


class NumberTooLarge(ValueError):
    """A whole number beyond what the database stores (±2**63 − 1)."""


def parse_int(value):
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
