"""Loads the network part of an agenda file: organisations, portfolios, bodies and people.

The agenda file (docs/agenda-format.md) describes seats in bodies with a shorthand:
`organisations: members` gives one post per member organisation, `water_boards` one per
water board, `governments` one per member, province and water board. Loading is an
upsert by slug, so loading the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import (
    GOVERNMENT_KINDS,
    AssociationKind,
    AssociationMembershipKind,
    OrganisationKind,
)
from samenspel.organisations.models import (
    Association,
    AssociationHost,
    AssociationMembership,
    Body,
    GovernanceRuleSetting,
    Identifier,
    InhabitantCount,
    Membership,
    Organisation,
    Person,
    Portfolio,
    Post,
)

# Groups a post may name instead of organisations, over the organisations the file lists.
GROUPS: dict[str, Callable[[ListedOrganisations], list[Organisation]]] = {
    "members": lambda listed: [o for o in listed.listed if o.pk in listed.member_ids],
    "water_boards": lambda listed: [
        o for o in listed.listed if o.kind == OrganisationKind.WATER_BOARD
    ],
    "governments": lambda listed: [
        o for o in listed.listed if o.pk in listed.member_ids or o.kind in GOVERNMENT_KINDS[1:]
    ],
}


@dataclass
class ListedOrganisations:
    """The organisations an agenda file lists (in its order), which of them are members of
    its association, and every organisation known by slug (files may name others)."""

    by_slug: dict[str, Organisation]
    listed: list[Organisation] = field(default_factory=list)
    member_ids: set[int] = field(default_factory=set)

    def __getitem__(self, slug: str) -> Organisation:
        return self.by_slug[slug]

    def get(self, slug: str) -> Organisation | None:
        return self.by_slug.get(slug)


@dataclass
class LoadCounts:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, created: bool, changed: bool = True) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.updated[kind] = self.updated.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def upsert(model: type, lookup: dict[str, Any], values: dict[str, Any], counts: LoadCounts):
    """Create or update one row; save only when a value differs (no empty history rows)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        counts.add(model.__name__, created=True)
        return obj
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if changed:
        for key, value in changed.items():
            setattr(obj, key, value)
        if hasattr(obj, "version"):
            obj.version += 1
        obj.save()
        counts.add(model.__name__, created=False)
    return obj


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@transaction.atomic
def structure_load(
    data: dict[str, Any], *, association: Association, counts: LoadCounts | None = None
) -> LoadCounts:
    """Write organisations, portfolios, bodies, posts and people of a validated agenda file;
    the organisations' memberships and the portfolios are `association`'s."""
    counts = counts or LoadCounts()
    orgs = _load_organisations(data.get("organisations", []), association, counts)
    portfolios = {
        p["slug"]: upsert(
            Portfolio,
            {"association": association, "slug": p["slug"]},
            {
                "name": p["name"],
                "abbreviation": p["abbreviation"],
                "order": p.get("order", 0),
            },
            counts,
        )
        for p in data.get("portfolios", [])
    }
    bodies = _load_bodies(data.get("bodies", []), association, orgs, portfolios, counts)
    _load_people(data.get("people", []), orgs, bodies, counts)
    for code in data.get("governance", {}).get("disabled_rules", []):
        upsert(
            GovernanceRuleSetting,
            {"association": association, "code": code},
            {"enabled": False, "reason": "Uitgeschakeld in het agendabestand."},
            counts,
        )
    return counts


def _load_organisations(
    items: list[dict], association: Association, counts: LoadCounts
) -> ListedOrganisations:
    orgs = ListedOrganisations(by_slug={o.slug: o for o in Organisation.objects.all()})
    for item in items:
        org = upsert(
            Organisation,
            {"slug": item["slug"]},
            {
                "name": item["name"],
                "short_name": item.get("short_name") or "",
                "kind": item["kind"],
                "description": item.get("description") or "",
            },
            counts,
        )
        orgs.by_slug[org.slug] = org
        orgs.listed.append(org)
        # Listed in the association's file: a member, or a partner unless it says more.
        membership = item.get("membership") or {
            "kind": "member" if item.get("member") else "partner"
        }
        _membership_load(association, org, membership, counts)
        if membership["kind"] == AssociationMembershipKind.MEMBER:
            orgs.member_ids.add(org.pk)
        for ident in item.get("identifiers", []):
            upsert(
                Identifier,
                {"organisation": org, "scheme": ident["scheme"]},
                {"value": ident["value"]},
                counts,
            )
        for figure in item.get("inhabitants", []):
            upsert(
                InhabitantCount,
                {"organisation": org, "reference_date": _date(figure["reference_date"])},
                {
                    "count": figure["count"],
                    "source": figure["source"],
                    "note": figure.get("note") or "",
                },
                counts,
            )
    return orgs


def _membership_load(
    association: Association, org: Organisation, spec: dict[str, Any], counts: LoadCounts
) -> None:
    """The file's period of `org` in `association`: it updates the period with the same
    start, else the open one (kind, dates); a new row only when neither exists, so the
    one open membership per organisation is never doubled."""
    start, end = _date(spec.get("start")), _date(spec.get("end"))
    memberships = AssociationMembership.objects.filter(association=association, organisation=org)
    period = (
        memberships.filter(start_date=start).first()
        or memberships.filter(end_date__isnull=True).first()
    )
    values = {"kind": spec["kind"], "start_date": start, "end_date": end}
    if period is None:
        AssociationMembership.objects.create(association=association, organisation=org, **values)
        counts.add("AssociationMembership", created=True)
    elif any(getattr(period, k) != v for k, v in values.items()):
        for key, value in values.items():
            setattr(period, key, value)
        period.save()
        counts.add("AssociationMembership", created=False)


def _post_organisations(spec: dict, orgs: ListedOrganisations) -> list[Organisation | None]:
    group = spec.get("organisations")
    if isinstance(group, str):
        return GROUPS[group](orgs)
    if isinstance(group, list):
        return [orgs[slug] for slug in group]
    slug = spec.get("organisation")
    return [orgs[slug] if slug else None]


def _load_bodies(items, association, orgs, portfolios, counts) -> dict[str, Body]:
    bodies = {b.slug: b for b in Body.objects.filter(association=association)}
    for item in items:
        body = upsert(
            Body,
            {"association": association, "slug": item["slug"]},
            {
                "name": item["name"],
                "short_name": item.get("short_name") or "",
                "kind": item["kind"],
                "portfolio": portfolios.get(item.get("portfolio"))
                if item.get("portfolio")
                else None,
                "area": item.get("area") or "",
                "description": item.get("description") or "",
                "abbreviation": item.get("abbreviation") or "",
                "link_status": item.get("link_status") or "",
            },
            counts,
        )
        bodies[body.slug] = body
        wanted = {portfolios[slug].pk for slug in item.get("linked_portfolios", [])}
        current = set(body.linked_portfolios.values_list("pk", flat=True))
        if wanted != current:
            body.linked_portfolios.set(wanted)
            counts.add("Body.linked_portfolios", created=False)
        for spec in item.get("posts", []):
            for org in _post_organisations(spec, orgs):
                upsert(
                    Post,
                    {
                        "body": body,
                        "role": spec["role"],
                        "organisation": org,
                        "label": spec.get("label") or "",
                    },
                    {"when_relevant": bool(spec.get("when_relevant", False))},
                    counts,
                )
    # Second pass: `prepares` may point at a body defined later in the file.
    for item in items:
        target = bodies.get(item.get("prepares")) if item.get("prepares") else None
        body = bodies[item["slug"]]
        if body.prepares_id != (target.pk if target else None):
            body.prepares = target
            body.save(update_fields=["prepares"])
            counts.add("Body", created=False)
    return bodies


def _load_people(items, orgs, bodies, counts) -> None:
    for item in items:
        person = upsert(
            Person,
            {"slug": item["slug"]},
            {
                "name": item["name"],
                "organisation": orgs[item["organisation"]],
                "function": item["function"],
                "function_title": item.get("function_title") or "",
                "email": item.get("email") or "",
                "is_demo": bool(item.get("demo", False)),
            },
            counts,
        )
        for spec in item.get("memberships", []):
            post = _find_post(bodies[spec["body"]], spec, person)
            upsert(
                Membership,
                {"post": post, "person": person, "start_date": _date(spec["start_date"])},
                {"end_date": _date(spec.get("end_date")), "is_demo": person.is_demo},
                counts,
            )


def _find_post(body: Body, spec: dict, person: Person) -> Post:
    """The post a person takes: by role, then label, then the person's own organisation.

    A role without a matching open post gets a post of its own (for example a fourth
    member of a steering group), so the file need not list every seat twice.
    """
    posts = list(body.posts.filter(role=spec["role"]))
    if spec.get("label"):
        posts = [p for p in posts if p.label == spec["label"]] or posts
    own = [p for p in posts if p.organisation_id == person.organisation_id]
    if own:
        return own[0]
    generic = [p for p in posts if p.organisation_id is None]
    taken = set(
        Membership.objects.filter(post__in=generic)
        .exclude(person=person)
        .values_list("post_id", flat=True)
    )
    free = [p for p in generic if p.pk not in taken]
    if free:
        return free[0]
    if posts and not generic:
        return posts[0]
    return Post.objects.create(body=body, role=spec["role"], label=spec.get("label") or "")


def set_m2m(obj: Any, field: str, wanted: set[int], counts: LoadCounts) -> None:
    """Set a many-to-many field only when it differs (no empty history rows)."""
    manager = getattr(obj, field)
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(wanted)
        counts.add(f"{type(obj).__name__}.{field}", created=False)


def association_load(spec: dict[str, Any] | None, counts: LoadCounts) -> Association:
    """The association an agenda file names (created or updated), or the default one."""
    if spec is None:
        return association_default()
    association = upsert(
        Association,
        {"slug": spec["slug"]},
        {
            "name": spec["name"],
            "short_name": spec["short_name"],
            "kind": spec.get("kind", AssociationKind.OTHER),
            "contact_email": spec.get("contact_email", ""),
            "website": spec.get("website", ""),
            "phone": spec.get("phone", ""),
            "address": spec.get("address", ""),
            "primary_colour": spec.get("primary_colour", "").lower(),
            "secondary_colour": spec.get("secondary_colour", "").lower(),
            "is_example": spec.get("is_example", False),
        },
        counts,
    )
    for hostname in spec.get("hostnames", []):
        upsert(AssociationHost, {"hostname": hostname}, {"association": association}, counts)
    return association
