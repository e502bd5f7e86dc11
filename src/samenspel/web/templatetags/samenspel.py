from django import template

from samenspel.web.history import history_entries

register = template.Library()


@register.inclusion_tag("web/includes/history_panel.html")
def history_panel(obj, limit: int = 20):
    """Who changed what and when, with before and after values: `{% history_panel object %}`."""
    return {"entries": history_entries(obj, limit=limit), "object": obj}


def format_euro(value, decimals: int = 2) -> str:
    """€ 1.234,56: Dutch grouping and decimal comma, a minus sign before the euro."""
    from decimal import Decimal

    if value is None or value == "":
        return "—"
    amount = Decimal(value)
    text = f"{abs(amount):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-€ {text}" if amount < 0 else f"€ {text}"


@register.filter
def euro(value, decimals: int = 2) -> str:
    return format_euro(value, int(decimals))


def format_number(value, places: int | None = None) -> str:
    """1.234 or 19.862,2: Dutch grouping and decimal comma. Without `places`, a whole
    number has no decimals and any other one decimal (as hours are written)."""
    from decimal import ROUND_HALF_UP, Decimal

    if value is None or value == "":
        return "—"
    number = Decimal(str(value))
    if places is None:
        places = 0 if number == number.to_integral_value() else 1
    rounded = abs(number).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-{text}" if number < 0 and rounded else text


@register.filter
def number_nl(value) -> str:
    """1.234: Dutch thousands separator for whole numbers."""
    if value is None or value == "":
        return "—"
    return f"{int(value):,}".replace(",", ".")


@register.filter
def get_item(mapping, key):
    """`{{ shares|get_item:pk }}`: a dict value in a template."""
    return mapping.get(key) if mapping else None
