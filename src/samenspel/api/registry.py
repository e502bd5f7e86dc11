"""The resources apps add to the API, registered in their `AppConfig.ready()`:

    from samenspel.api.registry import register, register_path
    register("afspraken", AgreementViewSet)                  # /api/v1/afspraken[/{id}]
    register_path("netwerk", network_view, name="netwerk")   # a single document

The `api` app knows no domain: it builds its URL conf from what was registered.
Prefixes are Dutch plural nouns in kebab-case (checked by the API lint, api/lint.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Resource:
    prefix: str
    viewset: Any
    basename: str


@dataclass(frozen=True)
class SinglePath:
    route: str
    view: Callable[..., Any]
    name: str


RESOURCES: dict[str, Resource] = {}
PATHS: dict[str, SinglePath] = {}


def register(prefix: str, viewset: Any, *, basename: str = "") -> None:
    known = RESOURCES.get(prefix)
    if known is not None and known.viewset is not viewset:
        raise ImproperlyConfigured(f"API prefix {prefix!r} registered twice")
    RESOURCES[prefix] = Resource(prefix, viewset, basename or prefix)


def register_path(route: str, view: Callable[..., Any], *, name: str) -> None:
    known = PATHS.get(name)
    if known is not None and known.view is not view:
        raise ImproperlyConfigured(f"API path {name!r} registered twice")
    PATHS[name] = SinglePath(route, view, name)
