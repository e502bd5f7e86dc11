"""Roles derived from the seats a person holds (issue 17, "access that ends when a seat ends").

A seat (`organisations.Post`) held by a person (`Membership`, with start and end dates)
gives the person's user a role in the body's association, with the membership's dates:
`RoleAssignment(membership=…, valid_from=start_date, valid_until=end_date)`. Permissions
count a role only on the days it is valid (`permissions.roles_of`), so the rights a seat
gave end the day after its end date ("tot en met") without anyone editing roles.

`SEAT_RULES` is the mapping. It is our interpretation of the agenda document
(Samenwerkingsagenda 2023-2027, the governance annex: who prepares, decides and reports
in which body), not a rule the document states as such:

- a seat in the bureau → bureau;
- the chair of a portfolio meeting → portfolio chair of that meeting's portfolio;
- any seat in a portfolio's core group or core group plus → core group member of it;
- a member seat of the account holders' meeting on behalf of an organisation → account
  holder of that organisation;
- any other seat (general and executive board, the secretaries' circle, the other seats
  of a portfolio meeting, officials' meetings, steering groups, other bodies) → reader;
- an invited guest → nothing.

Roles given by hand (`membership` empty: a deputy without a seat, a technical account)
are never touched here, nor the roles of demo accounts. `derived_roles_sync` is
idempotent; the signals at the bottom keep the rows in step with memberships, and
`samenspel syncroles` brings existing data in step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models.signals import post_delete, post_init, post_save

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.constants import BodyKind, Role

# A rule matches any body kind / any seat role when its set is empty.
ANY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SeatRule:
    """Seats in bodies of `body_kinds` with a role in `post_roles` give `role`, scoped to
    the body's portfolio or the seat's organisation (`scope`); `role` None gives nothing.
    A rule whose scope is missing (a core group without a portfolio) does not match."""

    body_kinds: frozenset[str]
    post_roles: frozenset[str]
    role: str | None
    scope: str = ""  # "", "portfolio" or "organisation"


# First match wins.
SEAT_RULES: tuple[SeatRule, ...] = (
    SeatRule(ANY, frozenset({Role.INVITED_GUEST}), None),
    SeatRule(frozenset({BodyKind.BUREAU}), ANY, RoleKind.BUREAU),
    SeatRule(
        frozenset({BodyKind.PORTFOLIO_MEETING}),
        frozenset({Role.CHAIR}),
        RoleKind.PORTFOLIO_CHAIR,
        "portfolio",
    ),
    SeatRule(
        frozenset({BodyKind.CORE_GROUP, BodyKind.CORE_GROUP_PLUS}),
        ANY,
        RoleKind.CORE_GROUP_MEMBER,
        "portfolio",
    ),
    SeatRule(
        frozenset({BodyKind.ACCOUNT_HOLDERS_MEETING}),
        frozenset({Role.MEMBER}),
        RoleKind.ACCOUNT_HOLDER,
        "organisation",
    ),
    SeatRule(ANY, ANY, RoleKind.READER),
)


@dataclass(frozen=True)
class DerivedRole:
    """One role a membership gives: the key of its RoleAssignment row and its dates."""

    membership_id: int
    association_id: int
    role: str
    portfolio_id: int | None
    organisation_id: int | None
    valid_from: dt.date | None
    valid_until: dt.date | None

    @property
    def key(self) -> tuple[Any, ...]:
        return (
            self.membership_id,
            self.association_id,
            self.role,
            self.portfolio_id,
            self.organisation_id,
        )


@dataclass
class SyncResult:
    """What `derived_roles_sync` changed, as lines for the command's output."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def extend(self, other: SyncResult) -> None:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted


def role_for_membership(membership: Any) -> DerivedRole | None:
    """The role `membership`'s seat gives (SEAT_RULES), or None."""
    post = membership.post
    body = post.body
    for rule in SEAT_RULES:
        if rule.body_kinds and body.kind not in rule.body_kinds:
            continue
        if rule.post_roles and post.role not in rule.post_roles:
            continue
        if rule.role is None:
            return None
        portfolio_id = organisation_id = None
        if rule.scope == "portfolio":
            # A portfolio of another association cannot be scoped to (RoleAssignment.save).
            if body.portfolio_id is None or body.portfolio.association_id != body.association_id:
                continue
            portfolio_id = body.portfolio_id
        elif rule.scope == "organisation":
            if post.organisation_id is None:
                continue
            organisation_id = post.organisation_id
        return DerivedRole(
            membership_id=membership.pk,
            association_id=body.association_id,
            role=rule.role,
            portfolio_id=portfolio_id,
            organisation_id=organisation_id,
            valid_from=membership.start_date,
            valid_until=membership.end_date,
        )
    return None


def _describe(user: Any, row: Any) -> str:
    scope = row.portfolio or row.organisation
    label = f"{row.get_role_display()} {scope}" if scope else str(row.get_role_display())
    return f"{user.username}: {label} ({row.valid_from or '…'} t/m {row.valid_until or '…'})"


def _wanted(user: Any, association: Any) -> dict[tuple[Any, ...], DerivedRole]:
    """The derived roles the memberships of `user`'s person give, by row key."""
    from samenspel.organisations.models import Membership

    if user.person_id is None:
        return {}
    memberships = Membership.objects.filter(person_id=user.person_id).select_related(
        "post__body__portfolio"
    )
    if association is not None:
        memberships = memberships.filter(post__body__association=association)
    found = (role_for_membership(membership) for membership in memberships)
    return {derived.key: derived for derived in found if derived is not None}


def derived_roles_sync_user(user: Any, *, association: Any = None) -> SyncResult:
    """Make `user`'s derived roles (of `association`, else of every association) match
    the memberships of the user's person: create, re-date and delete rows with a
    `membership`; rows without one (given by hand) are left alone. Idempotent."""
    from samenspel.accounts.models import RoleAssignment

    result = SyncResult()
    if user.is_demo:
        # Demo accounts keep the roles the demo gives them (demo/accounts.py): their
        # persons are linked only for "my meetings", and the demo's story is its roles.
        return result
    wanted = _wanted(user, association)
    existing = RoleAssignment.objects.filter(user=user, membership__isnull=False).select_related(
        "portfolio", "organisation"
    )
    if association is not None:
        existing = existing.filter(association=association)
    for row in existing:
        key = (row.membership_id, row.association_id, row.role)
        derived = wanted.pop((*key, row.portfolio_id, row.organisation_id), None)
        if derived is None:
            result.deleted.append(_describe(user, row))
            row.delete()
        elif (row.valid_from, row.valid_until) != (derived.valid_from, derived.valid_until):
            row.valid_from, row.valid_until = derived.valid_from, derived.valid_until
            row.save(update_fields=["valid_from", "valid_until"])
            result.updated.append(_describe(user, row))
    for derived in wanted.values():
        row = RoleAssignment.objects.create(
            user=user,
            association_id=derived.association_id,
            role=derived.role,
            portfolio_id=derived.portfolio_id,
            organisation_id=derived.organisation_id,
            membership_id=derived.membership_id,
            valid_from=derived.valid_from,
            valid_until=derived.valid_until,
        )
        result.created.append(_describe(user, row))
    if result.changed:
        from samenspel.accounts.permissions import forget_roles

        forget_roles(user)
    return result


def derived_roles_sync(person: Any, *, association: Any = None) -> SyncResult:
    """Sync the derived roles of `person`'s user, if the person has an account."""
    return _sync_person_id(getattr(person, "pk", None), association=association)


def _sync_person_id(person_id: int | None, *, association: Any = None) -> SyncResult:
    from samenspel.accounts.models import User

    user = User.objects.filter(person_id=person_id).first() if person_id is not None else None
    if user is None:
        return SyncResult()
    return derived_roles_sync_user(user, association=association)


# --- signals (connected by importing this module in AccountsConfig.ready) ---------------

_PERSON_SEEN = "_derived_roles_person_id"
_UNKNOWN = object()


def _membership_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # fixtures: `samenspel syncroles` afterwards
        return
    _sync_person_id(instance.person_id)


def _membership_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    # The derived rows go with the membership (on_delete CASCADE); syncing also covers a
    # membership deleted without its cascade (raw SQL, bulk deletes of the rows alone).
    _sync_person_id(instance.person_id)


def _user_loaded(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Remember the person as loaded, so a save can tell whether it changed (without a
    # query when the field was deferred).
    setattr(instance, _PERSON_SEEN, instance.__dict__.get("person_id", _UNKNOWN))


def _user_saved(
    sender: Any,
    instance: Any,
    created: bool = False,
    raw: bool = False,
    update_fields: Any = None,
    **kwargs: Any,
) -> None:
    if raw or (update_fields is not None and "person" not in update_fields):
        return  # e.g. last_login at every sign-in
    seen = getattr(instance, _PERSON_SEEN, _UNKNOWN)
    setattr(instance, _PERSON_SEEN, instance.person_id)
    if (instance.person_id is None) if created else (seen == instance.person_id):
        return
    derived_roles_sync_user(instance)


def connect() -> None:
    from samenspel.accounts.models import User
    from samenspel.organisations.models import Membership

    post_save.connect(_membership_changed, sender=Membership, dispatch_uid="derived_roles_m_s")
    post_delete.connect(_membership_deleted, sender=Membership, dispatch_uid="derived_roles_m_d")
    post_init.connect(_user_loaded, sender=User, dispatch_uid="derived_roles_u_i")
    post_save.connect(_user_saved, sender=User, dispatch_uid="derived_roles_u_s")


connect()
