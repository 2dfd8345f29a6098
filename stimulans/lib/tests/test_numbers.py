"""Swedish numbers: written by one helper, read by two."""

from decimal import Decimal

import pytest

from stimulans.lib.numbers import NumberTooLarge, decimal, parse_count, parse_int, sek, thousands

NBSP = "\u00a0"


def test_thousands_and_sek():
    assert thousands(1234567) == f"1{NBSP}234{NBSP}567"
    assert thousands(-1200) == f"-1{NBSP}200"
    assert sek(None) == sek("") == "\u2013"
    assert sek(0) == "0"


def test_decimal_has_a_decimal_comma():
    assert decimal(Decimal("1234.50")) == f"1{NBSP}234,5"
    assert decimal("0.25") == "0,25"
    assert decimal(Decimal("3.000")) == "3"
    assert decimal(None) == "\u2013"


def test_decimal_writes_a_float_as_it_is_written():
    assert decimal(12.4) == "12,4"
    assert decimal(round(12.099999999999999, 2)) == "12,1"
    assert decimal(1e20) == f"100{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}000"


def test_parse_count_reads_what_files_write():
    assert parse_count(" 12 345 ") == 12345
    assert parse_count(f"1{NBSP}000") == 1000
    for text in ("", "1,5", "-3", "²", "12a", "1.0"):
        assert parse_count(text) is None, text


def test_parse_int_reads_form_text():
    assert parse_int("1 200 000") == 1200000
    assert parse_int("1200,00") == 1200
    assert parse_int("") is None
    with pytest.raises(ValueError):
        parse_int("1,5")
    with pytest.raises(NumberTooLarge):
        parse_int(str(2**63))
