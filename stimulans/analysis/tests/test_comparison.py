"""Pairing this year's rows with the previous year's and the change."""

from ..comparison import change, compare_rows, pair_rows


def test_pairs_by_key_in_this_years_order_then_the_previous_years():
    current = [{"k": "b", "n": 3}, {"k": "a", "n": 1}]
    previous = [{"k": "a", "n": 4}, {"k": "c", "n": 2}]
    assert pair_rows(current, previous, "k") == [
        ("b", current[0], None),
        ("a", current[1], previous[0]),
        ("c", None, previous[1]),
    ]


def test_change_of_numbers_only():
    assert change(5, 3) == 2
    assert change(0.75, 0.5) == 0.25
    assert change(5, None) is None
    assert change(None, 3) is None
    assert change(True, 1) is None
    assert change("5", 3) is None


def test_compare_rows_with_a_key_function():
    current = [{"i": "x", "s": "national", "value": 0.8, "n": 80}]
    previous = [
        {"i": "x", "s": "national", "value": 0.5, "n": None},
        {"i": "x", "s": "region:01", "value": 0.1, "n": 1},
    ]
    rows = compare_rows(current, previous, lambda r: (r["i"], r["s"]), ["value", "n"])
    assert [r["key"] for r in rows] == [("x", "national"), ("x", "region:01")]
    assert rows[0]["change"]["value"] == 0.8 - 0.5
    assert rows[0]["change"]["n"] is None
    assert rows[1]["current"] is None
    assert rows[1]["change"] == {"value": None, "n": None}
