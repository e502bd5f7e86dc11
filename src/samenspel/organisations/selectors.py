"""Reads of the network, as of a date."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet

from samenspel.organisations.constants import Role
from samenspel.organisations.models import (
    Body,
    InhabitantCount,
    Membership,
    Organisation,
    Post,
)


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


def organisation_posts_on(*, organisation: Organisation, date: dt.date) -> list[Post]:
    """Seats this organisation holds in bodies, with who fills them on `date`."""
    return posts_with_holders_on(date=date, posts=organisation.posts.all())
