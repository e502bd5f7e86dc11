from django import template

from samenspel.agenda.constants import Status

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """The Dutch label of a status code (for annotated current_status values)."""
    try:
        return str(Status(value).label)
    except ValueError:
        return value
