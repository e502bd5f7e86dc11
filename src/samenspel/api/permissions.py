"""Who may call a resource: the view's predicate (accounts.permissions), and for a token
also the scope the method needs."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, permissions

from samenspel.accounts.permissions import is_anyone, is_signed_in, takes_part
from samenspel.api.models import Scope


def may_read_owned(user: Any) -> bool:
    """Read the association's working data: who takes part in it (as the pages)."""
    return takes_part(user)


class PredicatePermission(permissions.BasePermission):
    """The view's `permission` predicate for reading; a token also needs its scope."""

    def has_permission(self, request: Any, view: Any) -> bool:
        token = request.auth if hasattr(request.auth, "scopes") else None
        if token is not None:
            needed = (
                view.write_scope if request.method not in permissions.SAFE_METHODS else Scope.READ
            )
            if needed and needed not in token.scopes:
                raise exceptions.PermissionDenied(
                    _("Dit token heeft de bevoegdheid '%(scope)s' niet.") % {"scope": needed}
                )
        predicate = view.permission
        if predicate is is_anyone:
            return True
        if not is_signed_in(request.user):
            raise exceptions.NotAuthenticated(_("Meld je aan of stuur een API-token mee."))
        if not takes_part(request.user):
            raise Http404
        return predicate(request.user)
