"""The API's root: its resources, each with a link (and the OpenAPI document)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.permissions import is_anyone
from samenspel.api.registry import PATHS, RESOURCES


@extend_schema(
    summary="De ingangen van de API",
    responses=inline_serializer("Ingangen", {"_links": serializers.DictField()}),
    tags=["api"],
)
@api_view(["GET"])
@permission_classes([])
def root(request: Request) -> Response:
    base = request.build_absolute_uri("/api/v1/")
    links: dict[str, Any] = {"self": {"href": base.rstrip("/")}}
    for prefix in sorted(RESOURCES):
        links[prefix] = {"href": base + prefix}
    for single in sorted(PATHS.values(), key=lambda p: p.route):
        links[single.name] = {"href": base + single.route}
    links["openapi"] = {"href": base + "openapi.json"}
    return Response({"_links": links})


root.permission = is_anyone  # type: ignore[attr-defined]
