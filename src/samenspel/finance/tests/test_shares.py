"""Largest-remainder rounding: shares always add up, never negative, proportional."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenspel.finance.shares import split_by_weight, split_equally

amounts = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False)
weights = st.dictionaries(
    st.text(min_size=1, max_size=6),
    st.integers(min_value=0, max_value=200_000),
    min_size=1,
    max_size=20,
).filter(lambda w: any(v > 0 for v in w.values()))


@given(amounts, weights)
def test_shares_add_up_exactly_and_are_never_negative(total, w):
    shares = split_by_weight(total, w)
    assert sum(shares.values()) == total
    assert all(s >= 0 for s in shares.values())
    assert set(shares) == set(w)


@given(amounts, weights)
def test_shares_are_proportional_within_a_cent(total, w):
    shares = split_by_weight(total, w)
    weight_sum = sum(w.values())
    for key, weight in w.items():
        exact = total * Decimal(weight) / weight_sum
        assert abs(shares[key] - exact) < Decimal("0.01")


@given(amounts, weights, st.randoms())
def test_shares_do_not_depend_on_the_order_of_the_input(total, w, rnd):
    items = list(w.items())
    rnd.shuffle(items)
    assert split_by_weight(total, dict(items)) == split_by_weight(total, w)


def test_a_cent_goes_to_the_largest_remainder():
    assert split_by_weight(Decimal("0.10"), {"a": 1, "b": 1, "c": 1}) == {
        "a": Decimal("0.04"),
        "b": Decimal("0.03"),
        "c": Decimal("0.03"),
    }
    assert sum(split_equally(Decimal("100.00"), range(12)).values()) == Decimal("100.00")


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="negatief"):
        split_by_weight(Decimal("-1"), {"a": 1})
    with pytest.raises(ValueError, match="gewichten zijn nul"):
        split_by_weight(Decimal("10"), {"a": 0})
