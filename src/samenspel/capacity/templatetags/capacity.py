"""Dutch hours for the staff pages: `{{ value|hours }}` (10.080, 12,5).

Amounts use the shared `euro` filter of `samenspel.web.templatetags.samenspel`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template

register = template.Library()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _dutch(value: Decimal, places: int) -> str:
    """1234567.8 -> '1.234.567,8' (places=1): dots group thousands, a comma for decimals."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{abs(value.quantize(quantum, rounding=ROUND_HALF_UP)):,.{places}f}"
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"-{text}" if value < 0 and text.strip("0,.") else text


@register.filter
def hours(value: Any) -> str:
    """Hours, Dutch style: 10.080 or 12,5 (one decimal only when there is one)."""
    number = _decimal(value)
    if number is None:
        return "" if value is None or value == "" else str(value)
    if number == number.to_integral_value():
        return _dutch(number, 0)
    return _dutch(number, 1)


@register.filter
def item(mapping: Any, key: str) -> Any:
    """`{{ tables|item:"2.1" }}`: a dict entry whose key has a dot in it."""
    return mapping[key]
