"""`{% sort_header sorting "key" %}`: the header cell of a server-sorted column
(`web/sorting.py`). Without a `sorting` (a table included where the list is not sorted)
the cell is drawn as a plain header with the column's label."""

from django import template

from samenspel.web.sorting import Sorting

register = template.Library()


@register.inclusion_tag("web/includes/sort_header.html")
def sort_header(sorting: Sorting | None, key: str, label: str = "", css: str = "") -> dict:
    if not sorting:
        return {"label": label, "css": css, "url": "", "sorted": ""}
    return {**sorting.header(key), "css": css}
