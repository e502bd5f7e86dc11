"""Sorting a paginated list by a column, on the server: it works without JavaScript and
across pages.

A view names its sortable columns (a whitelist), reads `?sorteer=<key>` or
`?sorteer=-<key>` (descending) and orders its queryset, or a list already read:

    SORT_COLUMNS = {
        "titel": SortColumn(_("Afspraak"), ("title",)),
        "update": SortColumn(_("Laatste update"), ("last_update",)),
    }
    sorting = Sorting.from_request(request, SORT_COLUMNS)
    agreements = sorting.apply(agreements)

and the template draws each header cell with `{% sort_header sorting "titel" %}`
(`web/templatetags/sorting.py`). An unknown key is ignored: the list keeps its default
order. Every ordering ends in the primary key, so rows that tie keep one order on
PostgreSQL and SQLite (and on every page); empty values come last either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import F, QuerySet
from django.db.models.expressions import BaseExpression, OrderBy
from django.http import HttpRequest, QueryDict

PARAMETER = "sorteer"
T = TypeVar("T")


@dataclass(frozen=True)
class SortColumn:
    """A column one may sort by: its (Dutch) label, the fields to order a queryset by
    (a leading "-" reverses one field) and, for a list already read, `key` instead."""

    label: Any
    order_by: tuple[str | BaseExpression, ...] = ()
    key: Callable[[Any], Any] | None = None
    pk: Callable[[Any], Any] | None = None  # a list's tie-breaker; default `item.pk`


def _order(field: str | BaseExpression, descending: bool) -> OrderBy:
    if isinstance(field, str):
        reverse = field.startswith("-")
        expression: BaseExpression = F(field.lstrip("-"))
    else:
        reverse, expression = False, field
    if descending != reverse:
        return expression.desc(nulls_last=True)
    return expression.asc(nulls_last=True)


class Sorting:
    """The column chosen for one request (or none) and the links to choose another."""

    def __init__(
        self,
        columns: Mapping[str, SortColumn],
        query: QueryDict,
        *,
        default: str | None = None,
    ) -> None:
        self.columns = columns
        self.query = query
        asked = query.get(PARAMETER, "") or default or ""
        key = asked.removeprefix("-")
        self.key: str | None = key if key in columns else None
        self.descending = self.key is not None and asked.startswith("-")

    @classmethod
    def from_request(
        cls, request: HttpRequest, columns: Mapping[str, SortColumn], *, default: str | None = None
    ) -> Sorting:
        return cls(columns, request.GET, default=default)

    @property
    def column(self) -> SortColumn | None:
        return self.columns[self.key] if self.key else None

    def ordering(self) -> list[OrderBy]:
        """The `order_by` arguments of the chosen column, ending in the primary key."""
        column = self.column
        if column is None:
            return []
        fields = list(column.order_by)
        if fields[-1:] not in (["pk"], ["-pk"]):
            fields.append("pk")
        return [_order(field, self.descending) for field in fields]

    def apply(self, queryset: QuerySet) -> QuerySet:
        """The queryset in the chosen order; as it was when no (known) column is chosen."""
        ordering = self.ordering()
        return queryset.order_by(*ordering) if ordering else queryset

    def sort_list(self, items: Iterable[T]) -> list[T]:
        """A list already read in the chosen order (by each column's `key`); empty values
        (None) last, ties by primary key."""
        rows = list(items)
        column = self.column
        if column is None or column.key is None:
            return rows
        key, pk = column.key, column.pk or (lambda item: item.pk)
        rows.sort(key=pk, reverse=self.descending)
        empty = [row for row in rows if key(row) is None]
        filled = [row for row in rows if key(row) is not None]
        filled.sort(key=lambda row: _comparable(key(row)), reverse=self.descending)
        return filled + empty

    def header(self, key: str) -> dict[str, Any]:
        """What the header cell of column `key` shows: its label, the link that sorts by
        it (ascending first, then the other way), and how it is sorted now."""
        column = self.columns[key]
        current = key == self.key
        direction = ("descending" if self.descending else "ascending") if current else ""
        query = self.query.copy()
        for name in (PARAMETER, "pagina", "format"):
            query.pop(name, None)
        query[PARAMETER] = f"-{key}" if current and not self.descending else key
        return {
            "label": column.label,
            "url": f"?{query.urlencode()}",
            "sorted": direction,
        }


def _comparable(value: Any) -> Any:
    """Text without regard to case (as a Dutch reader sorts), everything else as it is."""
    return value.casefold() if isinstance(value, str) else value
