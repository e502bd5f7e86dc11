"""/api/v1: the resources apps registered (api/registry.py), without trailing slashes."""

from collections.abc import Callable
from typing import cast

from django.http import HttpResponse
from django.urls import path
from django.views.generic import RedirectView
from rest_framework.routers import SimpleRouter

from samenspel.accounts.permissions import public
from samenspel.api import schema
from samenspel.api.registry import PATHS, RESOURCES

app_name = "api"

_to_root = cast(Callable[..., HttpResponse], RedirectView.as_view(url="/api/v1", permanent=True))

router = SimpleRouter(trailing_slash=False)
for resource in RESOURCES.values():
    router.register(resource.prefix, resource.viewset, basename=resource.basename)

urlpatterns = [
    path("", public(_to_root), name="root_slash"),
    path("openapi.json", schema.OpenApiJson.as_view(), name="openapi_json"),
    path("openapi.yaml", schema.OpenApiYaml.as_view(), name="openapi_yaml"),
    *[path(single.route, single.view, name=single.name) for single in PATHS.values()],
    *router.urls,
]
