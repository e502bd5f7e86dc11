"""The URL conf as a flat list, for the tests that prove every view is guarded; and, as a
URL conf of its own, the site plus a URL that fails (for the 500 page)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, path


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


# --- a URL conf for the error-page tests (test_error_pages.py) ------------------------
# `@pytest.mark.urls("samenspel.web.tests.urlconf")`: the site's URLs plus one that fails,
# so the 500 page is shown the way production shows it (DEBUG off, no request context).


def _fails(request):
    raise RuntimeError("A failure on purpose, for the 500 page test.")


def _site_urlpatterns() -> list:
    from samenspel.urls import urlpatterns as site

    return list(site)


urlpatterns = [path("test-fout/", _fails, name="test_fails"), *_site_urlpatterns()]
