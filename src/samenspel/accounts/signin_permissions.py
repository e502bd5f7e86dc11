"""Who may do what around signing in: users, invitations, the second factor.

Apart from `permissions.py` to keep both readable; the same rules hold (one predicate per
role and object, used by views, commands and tests alike).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from samenspel.accounts.permissions import (
    ANY_ASSOCIATION,
    can_create_proposal,
    can_manage_money,
    can_use_admin,
    is_bureau,
    is_signed_in,
    roles_of,
)


def second_factor_required(user: Any) -> bool:
    """Whether `user` must pass a second factor at every sign-in (BIO: privileged accounts):
    the bureau, whoever may use the admin, send proposals or change money, when the
    installation requires it (production settings). Demo accounts exist only in a demo."""
    if not settings.SAMENSPEL_SECOND_FACTOR_REQUIRED or not is_signed_in(user):
        return False
    if getattr(user, "is_demo", False):
        return False
    return bool(
        user.is_superuser
        or user.is_staff
        or can_use_admin(user)
        or can_create_proposal(user)
        or can_manage_money(user)
    )


def can_manage_second_factor(user: Any) -> bool:
    """One's own authenticator app, passkeys and recovery codes: every signed-in user,
    roles or not (as the password)."""
    return is_signed_in(user)


def can_view_own_history(user: Any) -> bool:
    """What one did, also after every seat has ended: every signed-in user."""
    return is_signed_in(user)


def can_manage_users(user: Any) -> bool:
    """The users of the association (last sign-in, method, sessions; ending them,
    deactivating): the bureau."""
    return is_bureau(user)


def can_invite(user: Any) -> bool:
    """Invitations: the bureau, and a chair for their portfolio's core group."""
    return is_bureau(user) or (is_signed_in(user) and bool(roles_of(user).chair_of))


def can_invite_to_post(user: Any, post: Any) -> bool:
    """A seat: the bureau any seat of the association; a chair only a seat of their own
    portfolio's core group."""
    if is_bureau(user):
        return True
    if not is_signed_in(user) or post is None:
        return False
    body = post.body
    return body.kind in ("core_group", "core_group_plus") and body.portfolio_id in (
        roles_of(user).chair_of
    )


def can_view_dashboard(user: Any) -> bool:
    """The overview: every signed-in user; without a role here it only says so and links to
    one's history (a person whose seats have all ended can still see what they did)."""
    return is_signed_in(user)


# These hold for a signed-in user without a role in the request's association too.
ANY_ASSOCIATION.update({can_manage_second_factor, can_view_own_history, can_view_dashboard})
