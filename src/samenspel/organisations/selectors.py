"""Reads of the network, as of a date."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from samenspel.organisations.constants import GOVERNMENT_KINDS, AssociationMembershipKind, Role
from samenspel.organisations.models import (
    Association,
    AssociationMembership,
    Body,
    InhabitantCount,
    Membership,
    Organisation,
    Post,
)


def members_of(association: Association, *, on: dt.date | None = None) -> QuerySet[Organisation]:
    """The organisations that are members of `association` on `on` (default: today).

    The one reading of "the members": costs per inhabitant, invitations, the governance
    rules and the forms all ask this.
    """
    return Organisation.objects.filter(pk__in=member_ids(association, on=on)).order_by("name")


def member_ids(association: Association, *, on: dt.date | None = None) -> set[int]:
    on = on or timezone.localdate()
    return member_ids_during(association, start=on, end=on)


def member_ids_during(association: Association, *, start: dt.date, end: dt.date) -> set[int]:
    """The organisations that were members of `association` on some day of the period."""
    memberships = AssociationMembership.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=end),
        Q(end_date__isnull=True) | Q(end_date__gte=start),
        association=association,
        kind=AssociationMembershipKind.MEMBER,
    )
    return set(memberships.values_list("organisation_id", flat=True))


def is_member(
    organisation: Organisation, association: Association, *, on: dt.date | None = None
) -> bool:
    return organisation.pk in member_ids(association, on=on)


def participating_governments(
    association: Association, *, on: dt.date | None = None
) -> QuerySet[Organisation]:
    """Who may join a proposal: the members, and the governments (province, water boards)
    that are partners of `association` on `on`."""
    ids = government_ids(association, on=on)
    return Organisation.objects.filter(pk__in=ids).order_by("kind", "name")


def government_ids(association: Association, *, on: dt.date | None = None) -> set[int]:
    """The members of `association` on `on` and its partners that are governments."""
    return member_and_government_ids(association, on=on)[1]


def taking_part_ids(association: Association, *, on: dt.date) -> set[int]:
    """The organisations with a membership of any kind (member, partner, observer) on `on`."""
    memberships = AssociationMembership.objects.active_on(on).filter(association=association)
    return set(memberships.values_list("organisation_id", flat=True))


def member_and_government_ids(
    association: Association, *, on: dt.date | None = None
) -> tuple[set[int], set[int]]:
    """Both sets above in one query: (members, members and partner governments)."""
    rows = (
        AssociationMembership.objects.active_on(on or timezone.localdate())
        .filter(association=association)
        .values_list("organisation_id", "kind", "organisation__kind")
    )
    return _members_and_governments(rows)


def _members_and_governments(rows) -> tuple[set[int], set[int]]:
    members, governments = set(), set()
    for pk, kind, organisation_kind in rows:
        if kind == AssociationMembershipKind.MEMBER:
            members.add(pk)
            governments.add(pk)
        elif kind == AssociationMembershipKind.PARTNER and organisation_kind in GOVERNMENT_KINDS:
            governments.add(pk)
    return members, governments


def members_and_governments_with_organisations(
    association: Association, *, on: dt.date
) -> tuple[set[int], set[int], list[Organisation]]:
    """`member_and_government_ids` and the organisations of the association (by name) in
    the same query, instead of the whole national register."""
    rows = list(
        AssociationMembership.objects.active_on(on)
        .filter(association=association)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    members, governments = _members_and_governments(
        (row.organisation_id, row.kind, row.organisation.kind) for row in rows
    )
    organisations = list({row.organisation_id: row.organisation for row in rows}.values())
    return members, governments, organisations


def inhabitants_on(*, organisation: Organisation, date: dt.date) -> InhabitantCount | None:
    """The latest inhabitants figure on or before `date` (contributions use this)."""
    return (
        organisation.inhabitant_counts.filter(reference_date__lte=date)
        .order_by("-reference_date")
        .first()
    )


def posts_with_holders_on(*, date: dt.date, posts: QuerySet[Post] | None = None) -> list[Post]:
    """Posts with `post.holders`: the memberships active on `date` (one query per table)."""
    active = Membership.objects.active_on(date).select_related("person__organisation")
    posts = posts if posts is not None else Post.objects.all()
    return list(
        posts.select_related("body__portfolio", "organisation").prefetch_related(
            Prefetch("memberships", queryset=active, to_attr="holders")
        )
    )


ROLE_ORDER = [
    Role.CHAIR,
    Role.VICE_CHAIR,
    Role.SECRETARY_TREASURER,
    Role.SECRETARY,
    Role.MEMBER,
    Role.SUPPORT,
    Role.MINUTE_TAKER,
    Role.INVITED_GUEST,
]


def body_posts_on(*, body: Body, date: dt.date) -> list[Post]:
    posts = posts_with_holders_on(date=date, posts=body.posts.all())
    return sorted(
        posts,
        key=lambda p: (
            ROLE_ORDER.index(Role(p.role)),
            p.organisation.name if p.organisation else "",
            p.label,
        ),
    )


def chair_on(*, body: Body, date: dt.date) -> Membership | None:
    return (
        Membership.objects.active_on(date)
        .filter(post__body=body, post__role=Role.CHAIR)
        .select_related("person__organisation")
        .first()
    )


def organisation_posts_on(
    *, association: Association, organisation: Organisation, date: dt.date
) -> list[Post]:
    """Seats this organisation holds in the association's bodies, with who fills them on
    `date`."""
    return posts_with_holders_on(
        date=date, posts=organisation.posts.filter(body__association=association)
    )


def bodies_of(*, association: Association) -> QuerySet[Body]:
    """The association's bodies: every body a page names is looked up here."""
    return Body.objects.filter(association=association)
