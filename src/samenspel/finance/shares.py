"""Splitting money over organisations so that the shares add up exactly to the total.

Shares are computed exactly, rounded down to cents, and the cents left over go to the
largest remainders (Hamilton's method); ties go to the larger weight, then to the key's
order, so the result is stable whatever order the input comes in.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def split_by_weight(total: Decimal, weights: Mapping[Hashable, Decimal | int]) -> dict:
    """Split `total` (euros, two decimals) in proportion to `weights` (all ≥ 0)."""
    total = to_cents(Decimal(total))
    if total < 0:
        raise ValueError("Een bedrag om te verdelen kan niet negatief zijn.")
    positive = {key: Decimal(w) for key, w in weights.items() if Decimal(w) > 0}
    if any(Decimal(w) < 0 for w in weights.values()):
        raise ValueError("Een verdeelsleutel kan niet negatief zijn.")
    result = {key: Decimal("0.00") for key in weights}
    if not positive or total == 0:
        if total and not positive:
            raise ValueError("Er is niets om naar te verdelen: alle gewichten zijn nul.")
        return result
    weight_sum = sum(positive.values())
    exact = {key: total * w / weight_sum for key, w in positive.items()}
    floors = {key: value.quantize(CENT, rounding=ROUND_DOWN) for key, value in exact.items()}
    left = int((total - sum(floors.values())) / CENT)
    order = sorted(
        positive,
        key=lambda key: (-(exact[key] - floors[key]), -positive[key], str(key)),
    )
    for key in order[:left]:
        floors[key] += CENT
    result.update(floors)
    return result


def split_equally(total: Decimal, keys) -> dict:
    return split_by_weight(total, {key: 1 for key in keys})
