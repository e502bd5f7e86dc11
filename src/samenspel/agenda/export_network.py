"""The network part of an agenda file, written back out for one association: the
organisations that take part in it (with their membership), its bodies and seats, and
the people of its organisations or seats. Used by `export.py`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from samenspel.organisations.constants import AssociationMembershipKind
from samenspel.organisations.models import (
    Association,
    AssociationMembership,
    Body,
    Organisation,
    Person,
)


def clean(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values, as a person writing the file would."""
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}


def _membership(memberships: list[AssociationMembership]) -> dict[str, Any]:
    """As a person writes it: `member: true` for a member without dates, nothing for a
    partner without dates (what a listed organisation is), else the block."""
    # The file holds one period (the open one, else the latest); more live in the admin.
    m = min(
        memberships,
        key=lambda m: (m.end_date is not None, -(m.start_date or dt.date.min).toordinal()),
    )
    if not (m.start_date or m.end_date):
        if m.kind == AssociationMembershipKind.MEMBER:
            return {"member": True}
        if m.kind == AssociationMembershipKind.PARTNER:
            return {}
    dates = {"start": m.start_date, "end": m.end_date}
    return {
        "membership": clean(
            {"kind": m.kind, **{k: d.isoformat() for k, d in dates.items() if d is not None}}
        )
    }


def network_organisations(association: Association) -> list[dict]:
    result = []
    memberships: dict[int, list[AssociationMembership]] = {}
    for m in AssociationMembership.objects.filter(association=association):
        memberships.setdefault(m.organisation_id, []).append(m)
    for o in (
        Organisation.objects.filter(is_demo=False, pk__in=memberships)
        .prefetch_related("identifiers", "inhabitant_counts")
        .order_by("pk")
    ):
        result.append(
            clean(
                {
                    "slug": o.slug,
                    "name": o.name,
                    "short_name": o.short_name,
                    "kind": o.kind,
                    **_membership(memberships[o.pk]),
                    "description": o.description,
                    "identifiers": [
                        {"scheme": i.scheme, "value": i.value}
                        for i in sorted(o.identifiers.all(), key=lambda i: i.scheme)
                    ],
                    "inhabitants": [
                        clean(
                            {
                                "count": f.count,
                                "reference_date": f.reference_date.isoformat(),
                                "source": f.source,
                                "note": f.note,
                            }
                        )
                        for f in sorted(o.inhabitant_counts.all(), key=lambda f: f.reference_date)
                    ],
                }
            )
        )
    return result


def network_bodies(association: Association) -> list[dict]:
    result = []
    bodies = Body.objects.filter(association=association, is_demo=False).select_related(
        "portfolio", "prepares"
    )
    for b in bodies.prefetch_related("posts__organisation", "linked_portfolios").order_by("pk"):
        posts = [
            clean(
                {
                    "role": p.role,
                    "organisations": [p.organisation.slug] if p.organisation else None,
                    "label": p.label,
                    "when_relevant": p.when_relevant or None,
                }
            )
            for p in sorted(b.posts.all(), key=lambda p: p.pk)
            if not p.is_demo
        ]
        result.append(
            clean(
                {
                    "slug": b.slug,
                    "name": b.name,
                    "short_name": b.short_name,
                    "abbreviation": b.abbreviation,
                    "kind": b.kind,
                    "portfolio": b.portfolio.slug if b.portfolio else None,
                    "area": b.area,
                    "prepares": b.prepares.slug if b.prepares else None,
                    "description": b.description,
                    "link_status": b.link_status,
                    "linked_portfolios": sorted(p.slug for p in b.linked_portfolios.all()),
                    "posts": posts,
                }
            )
        )
    return result


def network_people(association: Association) -> list[dict]:
    """The people of the association's organisations, and whoever holds one of its seats."""
    result = []
    people = (
        Person.objects.filter(is_demo=False)
        .filter(
            Q(organisation__association_memberships__association=association)
            | Q(memberships__post__body__association=association)
        )
        .distinct()
        .select_related("organisation")
    )
    for p in people.prefetch_related("memberships__post__body").order_by("pk"):
        result.append(
            clean(
                {
                    "slug": p.slug,
                    "name": p.name,
                    "organisation": p.organisation.slug,
                    "function": p.function,
                    "function_title": p.function_title,
                    "email": p.email,
                    "memberships": [
                        clean(
                            {
                                "body": m.post.body.slug,
                                "role": m.post.role,
                                "label": m.post.label,
                                "start_date": m.start_date.isoformat(),
                                "end_date": m.end_date.isoformat() if m.end_date else None,
                            }
                        )
                        for m in sorted(p.memberships.all(), key=lambda m: m.pk)
                        if not m.is_demo and m.post.body.association_id == association.pk
                    ],
                }
            )
        )
    return result
