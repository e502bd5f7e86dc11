from django import template

register = template.Library()


@register.filter
def numeric(table, index: int) -> bool:
    """`table|numeric:forloop.counter0`: is this column aligned right."""
    return table.is_numeric(index)


@register.filter
def verdict_count(row, verdict: str) -> int:
    """`row|verdict_count:'achieved'`: how many items of the row got this verdict."""
    return row.count(verdict)
