"""Who calls the API: a token (`Authorization: Token sam_…`, or `Bearer`), else the session."""

from __future__ import annotations

from typing import Any

from rest_framework import authentication, exceptions

from samenspel.accounts.permissions import bind_roles
from samenspel.api.tokens import token_find, token_refusal


class TokenAuthentication(authentication.BaseAuthentication):
    keywords = ("token", "bearer")

    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "De Authorization-header moet 'Token <sleutel>' zijn."
            )
        token = token_find(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed("Onbekend token.")
        association = getattr(request._request, "association", None)
        refusal = token_refusal(token, association)
        if refusal:
            raise exceptions.AuthenticationFailed(refusal)
        user = token.user
        bind_roles(user, association)  # only the roles held in this association count
        # For the history (api/history.py) and the use log (api/middleware.py).
        request._request.api_token = token
        return user, token

    def authenticate_header(self, request: Any) -> str:
        return 'Token realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """The signed-in user of the pages (roles already bound by the association middleware);
    CSRF is checked on writes, as on the pages."""
