"""Query parameters every resource reads the same way: `sorteer` by Dutch names, and whole
numbers in range (ids, years), each refusing a bad value with a 400 that names it."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter

MAX_ID = 2**31 - 1  # what every database takes as a key


class Sorting(OrderingFilter):
    """`sorteer=naam,-id`: the view's `sort_fields` (API name → model fields or expressions),
    always ending in the id, so pages never overlap. An unknown name is a 400."""

    ordering_description = "Sorteer op deze velden, komma-gescheiden; '-' ervoor: aflopend."

    def get_ordering(self, request: Any, queryset: Any, view: Any) -> list[str]:
        given = request.query_params.get(self.ordering_param, "")
        terms = [t.strip() for t in given.split(",") if t.strip()]
        unknown = [t for t in terms if t.lstrip("-") not in view.sort_fields]
        if unknown:
            raise exceptions.ValidationError(
                {self.ordering_param: _("Onbekend sorteerveld: %(f)s.") % {"f": ", ".join(unknown)}}
            )
        return terms or list(view.ordering)

    def filter_queryset(self, request: Any, queryset: Any, view: Any) -> Any:
        terms = self.get_ordering(request, queryset, view)
        expressions = []
        for term in terms:
            for target in view.sort_fields[term.lstrip("-")]:
                expression = F(target) if isinstance(target, str) else target
                descending = term.startswith("-")
                expressions.append(
                    expression.desc(nulls_last=True)
                    if descending
                    else expression.asc(nulls_last=True)
                )
        last_descending = bool(terms) and terms[-1].startswith("-")
        expressions.append(F("pk").desc() if last_descending else F("pk").asc())
        return queryset.order_by(*expressions)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        names = ", ".join(f"`{name}`" for name in view.sort_fields)
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": f"{self.ordering_description} Velden: {names}.",
                "schema": {"type": "string"},
            }
        ]


def number_param(value: str, name: str, *, low: int = 1, high: int = MAX_ID) -> int:
    """A whole number from a query parameter, in range, or a 400 naming the parameter."""
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        message = _("Geef een geheel getal van %(low)s tot en met %(high)s.")
        raise exceptions.ValidationError({name: message % {"low": low, "high": high}})
    return number
