"""Which association a request is for: resolved once, from the host, as `request.association`."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from samenspel.accounts.permissions import bind_roles
from samenspel.organisations.associations import association_for_host, associations_listed

# Answered whatever the host: load balancers and monitoring ask these.
HOST_FREE_PATHS = ("/healthz",)


class AssociationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(HOST_FREE_PATHS):  # must answer without the database
            request.association = None  # type: ignore[attr-defined]
            return self.get_response(request)
        association = association_for_host(request.get_host())
        request.association = association  # type: ignore[attr-defined]
        if association is None:
            listed = associations_listed()
            if listed:  # several associations, and this host names none of them
                response = TemplateResponse(
                    request,
                    "organisations/association_choice.html",
                    # No association is chosen yet: the header names none.
                    {"associations": listed, "association_name": ""},
                    status=404,
                )
                return response.render()
        if association is not None and request.user.is_authenticated:
            bind_roles(request.user, association)  # only the roles held here count
        return self.get_response(request)
