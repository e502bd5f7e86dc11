from decimal import Decimal

import pytest

from samenspel.capacity.templatetags.capacity import hours


@pytest.mark.parametrize(
    ("value", "text"),
    [(840, "840"), (10080, "10.080"), (Decimal("30.5"), "30,5"), (Decimal("14.0"), "14"),
     (None, ""), ("", ""), ("in de periode", "in de periode")],
)  # fmt: skip
def test_hours_are_dutch_style(value, text):
    assert hours(value) == text
