"""The users of an association as the bureau sees them: a fixed number of queries for a
page of rows, whatever its length."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils.translation import gettext_lazy as _
from django_otp import device_classes
from django_otp.plugins.otp_static.models import StaticDevice

from samenspel.accounts.models import RoleAssignment, SignIn, User
from samenspel.accounts.users.sessions import active_session_counts

# `SignIn.second_factor` kinds (users/signins.py), as the bureau reads them.
SECOND_FACTOR_LABELS = {
    "totp": _("authenticator-app"),
    "static": _("herstelcode"),
    "webauthn": _("passkey"),
    "provider": _("via de eigen organisatie"),
}

FILTERS = {
    "actief": _("Actief"),
    "gedeactiveerd": _("Gedeactiveerd"),
    "zonder-rol": _("Zonder rol nu"),
    "zonder-tweede-factor": _("Zonder tweede factor"),
}


def second_factor_label(kind: str) -> str:
    return str(SECOND_FACTOR_LABELS.get(kind, kind)) if kind else ""


def second_factor_models() -> list[Any]:
    """The django-otp device models that are a second factor (TOTP, passkeys...):
    recovery codes are a way back in, not a factor of their own."""
    return [model for model in device_classes() if model is not StaticDevice]


def _has_second_factor() -> Q:
    found = Q(pk__in=[])
    for model in second_factor_models():
        found |= Q(Exists(model.objects.filter(user=OuterRef("pk"), confirmed=True)))
    return found


def _roles_now(association: Any) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.current().filter(association=association)


def users_of(association: Any) -> QuerySet[User]:
    """Users with a role in `association`, now or once (ended roles count: a user whose
    seat ended stays listed, deactivated or not)."""
    roles = RoleAssignment.objects.filter(association=association, user=OuterRef("pk"))
    return User.objects.filter(Exists(roles))


def users_listed(association: Any, *, query: str = "", status: str = "") -> QuerySet[User]:
    users = (
        users_of(association)
        .select_related("person__organisation")
        .annotate(
            has_second_factor=ExpressionWrapper(_has_second_factor(), output_field=BooleanField()),
            last_sign_in_id=Subquery(
                SignIn.objects.filter(user=OuterRef("pk"), association=association)
                .order_by("-at", "-pk")
                .values("pk")[:1]
            ),
        )
        .order_by("last_name", "first_name", "username")
    )
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(person__name__icontains=query)
        )
    if status == "actief":
        users = users.filter(is_active=True)
    elif status == "gedeactiveerd":
        users = users.filter(is_active=False)
    elif status == "zonder-rol":
        users = users.exclude(Exists(_roles_now(association).filter(user=OuterRef("pk"))))
    elif status == "zonder-tweede-factor":
        users = users.exclude(_has_second_factor())
    return users


@dataclass
class UserRow:
    user: User
    roles: list[RoleAssignment] = field(default_factory=list)
    last_sign_in: SignIn | None = None
    active_sessions: int = 0

    @property
    def organisation(self) -> Any:
        person = self.user.person
        return person.organisation if person is not None else None

    @property
    def last_second_factor(self) -> str:
        return second_factor_label(self.last_sign_in.second_factor) if self.last_sign_in else ""

    @property
    def second_factor_set_up(self) -> bool:
        return bool(getattr(self.user, "has_second_factor", False))


def user_rows(users: Sequence[User], association: Any) -> list[UserRow]:
    """Rows for `users` (from `users_listed`): their current roles, last sign-in and
    number of active sessions, in four queries for the lot."""
    ids = [user.pk for user in users]
    roles: dict[int, list[RoleAssignment]] = {}
    for role in (
        _roles_now(association).filter(user_id__in=ids).select_related("portfolio", "organisation")
    ):
        roles.setdefault(role.user_id, []).append(role)
    last_ids = [getattr(user, "last_sign_in_id", None) for user in users]
    sign_ins = SignIn.objects.filter(pk__in=[pk for pk in last_ids if pk]).select_related(
        "provider"
    )
    last = {sign_in.pk: sign_in for sign_in in sign_ins}
    sessions = active_session_counts(ids, association=association)
    return [
        UserRow(
            user=user,
            roles=roles.get(user.pk, []),
            last_sign_in=last.get(getattr(user, "last_sign_in_id", None) or 0),
            active_sessions=sessions.get(user.pk, 0),
        )
        for user in users
    ]


def user_detail_rows(user: User, association: Any) -> dict[str, Any]:
    """What the detail page shows of `user` in `association`."""
    # Names and kinds only: never a secret, key or code.
    devices = [
        {"name": device.name, "kind": model._meta.verbose_name, "confirmed": device.confirmed}
        for model in device_classes()
        for device in model.objects.filter(user=user).order_by("pk")
    ]
    return {
        "roles": list(
            RoleAssignment.objects.filter(user=user, association=association)
            .select_related("portfolio", "organisation")
            .order_by(F("valid_until").desc(nulls_first=True), "role")
        ),
        "identities": list(
            user.external_identities.filter(provider__association=association)
            .select_related("provider")
            .order_by("provider__name")
        ),
        "devices": devices,
        "sign_ins": list(
            SignIn.objects.filter(user=user, association=association)
            .select_related("provider", "ended_by")
            .order_by("-at", "-pk")[:20]
        ),
    }
