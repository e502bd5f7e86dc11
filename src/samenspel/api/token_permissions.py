"""Who may issue, see and revoke API tokens (docs/api.md, "Access").

The bureau manages every token of its association; an account holder the tokens of the
organisations they hold, and the tokens that act as themselves. Nobody else sees tokens.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from samenspel.accounts.permissions import can_manage_api_tokens, is_bureau, roles_of
from samenspel.api.models import ApiToken

__all__ = ["can_issue_token", "can_manage_api_tokens", "can_manage_token", "tokens_visible_to"]


def can_manage_token(user: Any, token: ApiToken) -> bool:
    """See the use of and revoke `token`: the bureau; an account holder for a token of
    an organisation they hold or one that acts as themselves."""
    if is_bureau(user):
        return True
    if not can_manage_api_tokens(user):
        return False
    return token.organisation_id in roles_of(user).account_holder_of or token.user_id == user.pk


def can_issue_token(user: Any, *, for_user: Any, organisation: Any) -> bool:
    """Issue a token: the bureau for anyone with a role here; an account holder only for
    themselves and one of the organisations they hold."""
    if is_bureau(user):
        return True
    if not can_manage_api_tokens(user) or organisation is None:
        return False
    return for_user.pk == user.pk and organisation.pk in roles_of(user).account_holder_of


def tokens_visible_to(user: Any, association: Any) -> QuerySet[ApiToken]:
    """The tokens of `association` that `user` manages, the newest first."""
    tokens = ApiToken.objects.filter(association=association).select_related("user", "organisation")
    if is_bureau(user):
        return tokens
    if not can_manage_api_tokens(user):
        return tokens.none()
    return tokens.filter(Q(organisation_id__in=roles_of(user).account_holder_of) | Q(user=user))
