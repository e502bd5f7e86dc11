"""The API's root: its resources, each with a link (and the OpenAPI document)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.permissions import is_anyone
from samenspel.api.registry import PATHS, RESOURCES


# Left out of the document: its path would be "/" under the server /api/v1, which is
# /api/v1/, a redirect here (no trailing slashes); docs/api.md describes it.
@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([])
def root(request: Request) -> Response:
    base = request.build_absolute_uri("/api/v1/")
    links: dict[str, Any] = {"self": {"href": base.rstrip("/")}}
    for prefix in sorted(RESOURCES):
        links[prefix] = {"href": base + prefix}
    for single in sorted(PATHS.values(), key=lambda p: p.route):
        if "<" not in single.route:  # a route with a parameter is reached from its resource
            links[single.route] = {"href": base + single.route}
    links["openapi"] = {"href": base + "openapi.json"}
    return Response({"_links": links})


root.permission = is_anyone
