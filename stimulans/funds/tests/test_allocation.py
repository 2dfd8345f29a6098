from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stimulans.funds.allocation import (
    AllocationError,
    Share,
    allocate_with_base,
    largest_remainder,
)


def shares(*weights):
    return [Share(tie_key=(f"{i:04d}",), weight=w) for i, w in enumerate(weights)]


def test_it_splits_exactly_proportional_amounts():
    assert largest_remainder(100, shares(1, 1, 2)) == [25, 25, 50]


def test_it_gives_leftover_kronor_to_largest_remainders():
    # exact shares 100*1/7=14.28, 100*2/7=28.57, 100*4/7=57.14: floors 14+28+57=99, one left
    # goes to the largest remainder (0.57, the second recipient).
    assert largest_remainder(100, shares(1, 2, 4)) == [14, 29, 57]


def test_ties_go_to_the_lowest_organisation_code():
    s = [
        Share(tie_key=("0380",), weight=1),
        Share(tie_key=("0127",), weight=1),
        Share(tie_key=("0180",), weight=1),
    ]
    # 100/3 = 33.33 each; one krona left, all remainders equal: lowest code 0127 gets it.
    assert largest_remainder(100, s) == [33, 34, 33]
    # two kronor left: 0127 and 0180.
    assert largest_remainder(101, s) == [33, 34, 34]


def test_it_accepts_decimal_weights_exactly():
    assert largest_remainder(10, shares(Decimal("0.1"), Decimal("0.2"), Decimal("0.7"))) == [
        1,
        2,
        7,
    ]


def test_it_refuses_float_weights():
    with pytest.raises(TypeError):
        largest_remainder(10, shares(0.5, 0.5))


def test_it_refuses_bad_input():
    with pytest.raises(AllocationError):
        largest_remainder(10, shares(0, 0))
    with pytest.raises(AllocationError):
        largest_remainder(10, shares(1, -1))
    with pytest.raises(AllocationError):
        largest_remainder(-1, shares(1))


def test_base_plus_population():
    assert allocate_with_base(1000, 100, shares(1, 3)) == [300, 700]
    with pytest.raises(AllocationError):
        allocate_with_base(100, 100, shares(1, 3))


@given(
    amount=st.integers(min_value=0, max_value=10**10),
    weights=st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=60).filter(
        lambda w: sum(w) > 0
    ),
)
def test_property_sum_is_exact_and_each_within_one_krona(amount, weights):
    result = largest_remainder(amount, shares(*weights))
    assert sum(result) == amount
    total = sum(weights)
    for w, a in zip(weights, result, strict=True):
        exact = Fraction(amount * w, total)
        assert a >= 0
        assert abs(a - exact) < 1
        # largest remainder: never below the floor, never more than one above it
        assert exact.numerator // exact.denominator <= a <= exact.numerator // exact.denominator + 1
