from django import template

register = template.Library()


@register.filter
def numeric(table, index: int) -> bool:
    """`table|numeric:forloop.counter0`: is this column aligned right."""
    return table.is_numeric(index)
