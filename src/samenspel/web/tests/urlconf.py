"""The URL conf as a flat list, for the tests that prove every view is guarded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", as reverse() takes it
    route: str
    view: Any
    admin: bool


def routes() -> list[Route]:
    def walk(patterns, prefix: str, namespace: str | None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
                route = prefix + str(pattern.pattern)
                yield Route(name, route, pattern.callback, admin=namespace == "admin")

    return list(walk(get_resolver().url_patterns, "", None))
