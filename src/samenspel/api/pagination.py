"""Pages of at most 100 rows, with their links (NL API Design Rules: pagination)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class LinkedPagination(PageNumberPagination):
    """Pages with HAL-style `_links` in the body and the same links in a `Link` header."""

    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    page_size = 20
    max_page_size = 100

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> Any:
        # A page that does not exist is a wrong parameter (400 naming it), not a missing resource.
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise ValidationError(
                {self.page_query_param: _("Deze pagina bestaat niet; de eerste is 1.")}
            ) from None

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": _("Het nummer van de pagina, vanaf 1."),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": _("Rijen per pagina: standaard %(d)s, hoogstens %(m)s.")
                % {"d": self.page_size, "m": self.max_page_size},
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                },
            },
        ]

    def _links(self) -> dict[str, dict[str, str]]:
        request = self.request
        page = self.page
        links: dict[str, dict[str, str]] = {"self": {"href": request.build_absolute_uri()}}
        first = self.get_first_link()
        if first:
            links["first"] = {"href": first}
        if page.has_previous():
            links["prev"] = {"href": self.get_previous_link()}
        if page.has_next():
            links["next"] = {"href": self.get_next_link()}
        last = self.get_last_link()
        if last:
            links["last"] = {"href": last}
        return links

    def get_first_link(self) -> str:
        return replace_query_param(self.request.build_absolute_uri(), self.page_query_param, 1)

    def get_last_link(self) -> str:
        return replace_query_param(
            self.request.build_absolute_uri(), self.page_query_param, self.page.paginator.num_pages
        )

    def get_paginated_response(self, data: Any) -> Response:
        links = self._links()
        response = Response(
            OrderedDict(
                [("_links", links), ("aantal", self.page.paginator.count), ("resultaten", data)]
            )
        )
        response["Link"] = ", ".join(
            f'<{link["href"]}>; rel="{rel}"' for rel, link in links.items() if rel != "self"
        )
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": "object", "properties": {"href": {"type": "string", "format": "uri"}}}
        return {
            "type": "object",
            "required": ["_links", "aantal", "resultaten"],
            "properties": {
                "_links": {
                    "type": "object",
                    "properties": {rel: link for rel in ("self", "first", "prev", "next", "last")},
                },
                "aantal": {"type": "integer", "example": 123},
                "resultaten": schema,
            },
        }
