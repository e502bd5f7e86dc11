"""The network as Popolo JSON (https://www.popoloproject.com), as Open Raadsinformatie uses it.

Organisations and bodies are Popolo `organizations` (bodies have the association as
parent), seats are `posts` of a body, and who held a seat when is a `membership` with
`on_behalf_of_id` naming the organisation the seat belongs to.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from samenspel.organisations.models import (
    Association,
    Body,
    Membership,
    Organisation,
    Person,
    Post,
)


def _org_id(slug: str) -> str:
    return f"organisatie/{slug}"


def _body_id(slug: str) -> str:
    return f"overlegorgaan/{slug}"


def popolo_export(*, association: Association, include_demo: bool = True) -> dict[str, Any]:
    """`association`'s network: the organisations that take part in it (or hold one of its
    seats), its bodies with their seats, and the people who held them. Nothing of
    another association's bodies, seats or people."""
    bodies = Body.objects.filter(association=association).order_by("slug")
    posts = Post.objects.filter(body__association=association).select_related(
        "body", "organisation"
    )
    memberships = Membership.objects.filter(post__body__association=association).select_related(
        "post__body", "post__organisation", "person"
    )
    if not include_demo:
        memberships = memberships.filter(is_demo=False, person__is_demo=False)
    people = Person.objects.filter(pk__in=memberships.values("person")).order_by("slug")
    organisations = Organisation.objects.filter(
        Q(association_memberships__association=association) | Q(pk__in=posts.values("organisation"))
    ).distinct()
    parent = _org_id(association.slug)
    return {
        "organizations": [
            {
                "id": _org_id(o.slug),
                "name": o.name,
                "classification": o.kind,
                "identifiers": [
                    {"scheme": i.scheme, "identifier": i.value} for i in o.identifiers.all()
                ],
            }
            for o in organisations.prefetch_related("identifiers").order_by("slug")
            if include_demo or not o.is_demo
        ]
        + [
            {"id": _body_id(b.slug), "name": b.name, "classification": b.kind, "parent_id": parent}
            for b in bodies
        ],
        "persons": [{"id": f"persoon/{p.slug}", "name": p.name} for p in people],
        "posts": [
            {
                "id": f"zetel/{post.pk}",
                "label": str(post),
                "role": post.role,
                "organization_id": _body_id(post.body.slug),
            }
            for post in posts.order_by("pk")
        ],
        "memberships": [
            {
                "id": f"lidmaatschap/{m.pk}",
                "person_id": f"persoon/{m.person.slug}",
                "organization_id": _body_id(m.post.body.slug),
                "post_id": f"zetel/{m.post_id}",
                "role": m.post.role,
                "start_date": m.start_date.isoformat(),
                **({"end_date": m.end_date.isoformat()} if m.end_date else {}),
                **(
                    {"on_behalf_of_id": _org_id(m.post.organisation.slug)}
                    if m.post.organisation
                    else {}
                ),
            }
            for m in memberships.order_by("pk")
        ],
    }
