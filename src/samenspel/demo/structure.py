"""The demo layer of the network: fictitious people in every post, marked demo.

The agenda names almost nobody, so the demo fills every seat with made-up people
(names from a fixed list, so every installation gets the same demo) in a way that
satisfies the rules of annex 1: chairs come from the board, officials' chairs from
the chair's municipality, core groups of three with a bureau member.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.db import transaction
from django.utils.text import slugify

from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind, OrganisationKind, PersonFunction, Role
from samenspel.organisations.models import Body, Membership, Organisation, Person, Post
from samenspel.organisations.selectors import members_of

START = dt.date(2023, 1, 1)

# Which member chairs which portfolio in the demo (the chair hours of Table 2.2 guided it).
DEMO_CHAIRS = {
    "gezondheid-en-welzijn": "borger-odoorn",
    "energie-klimaat-en-milieu": "aa-en-hunze",
    "ruimte-en-wonen": "de-wolden",
    "onderwijs-en-cultuur": "borger-odoorn",
    "sport": "assen",
    "participatie-schulden-en-integratie": "coevorden",
    "economische-zaken-en-industrie": "meppel",
    "financien": "assen",
}

FIRST = [
    "Anne",
    "Bram",
    "Carla",
    "Dirk",
    "Els",
    "Frank",
    "Greet",
    "Harm",
    "Ineke",
    "Jan",
    "Karin",
    "Lucas",
    "Marieke",
    "Niels",
    "Olga",
    "Pieter",
    "Roos",
    "Sander",
    "Tineke",
    "Willem",
    "Yvonne",
    "Gerben",
    "Hilde",
    "Jelle",
]
LAST = [
    "Bakker",
    "Dijkstra",
    "Hoekstra",
    "Jansen",
    "Kuipers",
    "Mulder",
    "Nijboer",
    "Oosting",
    "Pol",
    "Roelofs",
    "Smit",
    "Tuinstra",
    "Veenstra",
    "Wolters",
    "Zwiers",
    "Boer",
    "Brink",
    "Drenth",
    "Haan",
    "Lubbers",
    "Meijer",
    "Post",
    "Schuiling",
    "Westerhof",
]


class DemoPeople:
    """Makes people with unique, stable names and slugs."""

    def __init__(self) -> None:
        self._names = (f"{f} {l}" for l, f in itertools.product(LAST, FIRST))  # noqa: E741
        self._cache: dict[tuple, Person] = {}

    def get(self, key: tuple, organisation: Organisation, function: str, title: str) -> Person:
        if key not in self._cache:
            slug = "demo-" + slugify("-".join(str(k) for k in key))
            person = Person.objects.filter(slug=slug).first()
            if person is None:
                person = Person.objects.create(
                    slug=slug,
                    name=f"{next(self._names)} (demo)",
                    organisation=organisation,
                    function=function,
                    function_title=title,
                    is_demo=True,
                )
            self._cache[key] = person
        return self._cache[key]

    def board_member(self, org: Organisation) -> Person:
        if org.slug in DEMO_CHAIRS.values():
            return self.get(
                (org.slug, "bestuurslid"),
                org,
                PersonFunction.ALDERMAN,
                f"wethouder {org.display_name}",
            )
        return self.get(
            (org.slug, "burgemeester"),
            org,
            PersonFunction.MAYOR,
            f"burgemeester {org.display_name}",
        )

    def alderman(self, org: Organisation, portfolio_slug: str) -> Person:
        if DEMO_CHAIRS.get(portfolio_slug) == org.slug:  # the board member chairs it
            return self.board_member(org)
        return self.get(
            (org.slug, "wethouder", portfolio_slug),
            org,
            PersonFunction.ALDERMAN,
            f"wethouder {org.display_name}",
        )

    def official(self, org: Organisation, key: str) -> Person:
        return self.get(
            (org.slug, "ambtenaar", key),
            org,
            PersonFunction.OFFICIAL,
            f"beleidsadviseur {org.display_name}",
        )


def _seat(post: Post, person: Person) -> int:
    if Membership.objects.filter(post=post, person=person).exists():
        return 0
    Membership.objects.create(post=post, person=person, start_date=START, is_demo=True)
    return 1


def _post(body: Body, role: str, organisation: Organisation | None = None, **kw) -> Post | None:
    posts = body.posts.filter(role=role, organisation=organisation, **kw)
    return posts.first()


@transaction.atomic
def demo_structure_create() -> int:
    """Fill every post; returns how many memberships were added (0 the second time)."""
    people = DemoPeople()
    orgs = {o.slug: o for o in Organisation.objects.all()}
    members = list(members_of(association_default()))
    province = orgs["provincie-drenthe"]
    water_boards = [o for o in orgs.values() if o.kind == OrganisationKind.WATER_BOARD]
    bodies = {
        b.slug: b
        for b in Body.objects.filter(association=association_default()).select_related("portfolio")
    }
    bureau_member = Person.objects.get(slug="sanne-meijerink")
    added = 0

    alderman, board_member, official = people.alderman, people.board_member, people.official
    deputy = people.get(
        ("provincie", "gedeputeerde"), province, PersonFunction.DEPUTY, "gedeputeerde"
    )
    # General and executive board.
    board = bodies["algemeen-bestuur"]
    for org in members:
        added += _seat(_post(board, Role.MEMBER, org), board_member(org))
    added += _seat(_post(board, Role.INVITED_GUEST, province), deputy)
    reeve = people.get(
        ("waterschap", "dijkgraaf"), water_boards[0], PersonFunction.DIKE_REEVE, "dijkgraaf"
    )
    added += _seat(_post(board, Role.INVITED_GUEST, water_boards[0]), reeve)
    for label, org_slug in [
        ("Afgevaardigde kring van gemeentesecretarissen", "tynaarlo"),
        ("Afgevaardigde kring van griffiers", "westerveld"),
    ]:
        function = PersonFunction.MUNICIPAL_SECRETARY if "secret" in label else PersonFunction.CLERK
        person = people.get((org_slug, label), orgs[org_slug], function, label.lower())
        added += _seat(_post(board, Role.MEMBER, None, label=label), person)
    executive = bodies["dagelijks-bestuur"]
    added += _seat(_post(executive, Role.VICE_CHAIR), board_member(orgs["emmen"]))
    added += _seat(_post(executive, Role.SECRETARY_TREASURER), board_member(orgs["hoogeveen"]))

    # Portfolio meetings, officials' meetings and core groups.
    for body in bodies.values():
        if body.kind == BodyKind.PORTFOLIO_MEETING:
            added += _fill_portfolio_meeting(
                body, members, alderman, official, deputy, water_boards, people, orgs
            )
        elif body.kind == BodyKind.OFFICIALS_MEETING:
            added += _fill_officials_meeting(
                body, members, official, province, water_boards, people, orgs
            )
    for body in bodies.values():
        if body.kind in (BodyKind.CORE_GROUP, BodyKind.CORE_GROUP_PLUS):
            added += _fill_core_group(body, bodies, official, bureau_member, orgs)

    added += _fill_other_bodies(bodies, orgs, people, board_member, official, deputy, bureau_member)
    return added


def _fill_other_bodies(bodies, orgs, people, board_member, official, deputy, bureau_member) -> int:
    """Account holders, the circle of secretaries, the steering group, VNG committees."""
    added = 0
    members = list(members_of(association_default()))
    province = orgs["provincie-drenthe"]
    water_boards = [o for o in orgs.values() if o.kind == OrganisationKind.WATER_BOARD]
    holders = bodies["accounthoudersoverleg"]
    for post in holders.posts.filter(role=Role.MEMBER):
        person = people.get(
            (post.organisation.slug, "accounthouder"),
            post.organisation,
            PersonFunction.OFFICIAL,
            "accounthouder",
        )
        added += _seat(post, person)
    added += _seat(_post(holders, Role.CHAIR, orgs["vdg"], label="VDG-bureau"), bureau_member)
    circle = bodies["kring-gemeentesecretarissen"]
    for post in circle.posts.filter(role=Role.MEMBER):
        person = people.get(
            (post.organisation.slug, "gemeentesecretaris"),
            post.organisation,
            PersonFunction.MUNICIPAL_SECRETARY,
            "gemeentesecretaris",
        )
        added += _seat(post, person)
        if post.organisation.slug == "tynaarlo":
            added += _seat(_post(circle, Role.CHAIR), person)
    steering = bodies["stuurgroep-interbestuurlijke-samenwerking"]
    added += _seat(
        _post(steering, Role.CHAIR, label="Uit het VDG-bestuur"), board_member(orgs["emmen"])
    )
    added += _seat(_post(steering, Role.MEMBER, province), deputy)
    for wb in water_boards:
        person = people.get(
            (wb.slug, "db-lid"), wb, PersonFunction.WATER_BOARD_EXECUTIVE, "lid dagelijks bestuur"
        )
        added += _seat(_post(steering, Role.MEMBER, wb), person)
    for index, body in enumerate(b for b in bodies.values() if b.kind == BodyKind.VNG_COMMITTEE):
        org = members[index % len(members)]
        member_post, _ = Post.objects.get_or_create(
            body=body, role=Role.MEMBER, organisation=org, defaults={"is_demo": True}
        )
        support_post, _ = Post.objects.get_or_create(
            body=body, role=Role.SUPPORT, organisation=org, defaults={"is_demo": True}
        )
        added += _seat(
            member_post,
            people.get((org.slug, "vng", body.slug), org, PersonFunction.ALDERMAN, "wethouder"),
        )
        added += _seat(support_post, official(org, f"vng-{body.slug}"))
    return added


def _fill_portfolio_meeting(
    body, members, alderman, official, deputy, water_boards, people, orgs
) -> int:
    slug = body.portfolio.slug
    chair_org = orgs[DEMO_CHAIRS[slug]]
    added = _seat(_post(body, Role.CHAIR), alderman(chair_org, slug))
    vice_org = next(o for o in members if o != chair_org)
    added += _seat(_post(body, Role.VICE_CHAIR), alderman(vice_org, slug))
    added += _seat(_post(body, Role.MINUTE_TAKER), official(chair_org, f"notulist-{slug}"))
    for org in members:
        added += _seat(_post(body, Role.MEMBER, org), alderman(org, slug))
    added += _seat(_post(body, Role.INVITED_GUEST, orgs["provincie-drenthe"]), deputy)
    wb_post = body.posts.filter(role=Role.INVITED_GUEST, organisation=water_boards[0]).first()
    if wb_post:
        added += _seat(
            wb_post,
            people.get(
                (water_boards[0].slug, "db-lid"),
                water_boards[0],
                PersonFunction.WATER_BOARD_EXECUTIVE,
                "lid dagelijks bestuur",
            ),
        )
    return added


def _fill_officials_meeting(body, members, official, province, water_boards, people, orgs) -> int:
    key = body.slug
    chair_org = orgs[DEMO_CHAIRS[body.portfolio.slug]]
    added = _seat(_post(body, Role.CHAIR), official(chair_org, key))
    vice_org = next(o for o in members if o != chair_org)
    added += _seat(_post(body, Role.VICE_CHAIR), official(vice_org, key))
    added += _seat(_post(body, Role.MINUTE_TAKER), official(members[-1], key))
    for org in members:
        added += _seat(_post(body, Role.MEMBER, org), official(org, key))
    added += _seat(_post(body, Role.INVITED_GUEST, province), official(province, key))
    wb_post = body.posts.filter(role=Role.INVITED_GUEST, organisation=water_boards[0]).first()
    if wb_post:
        added += _seat(wb_post, official(water_boards[0], key))
    return added


def _fill_core_group(body, bodies, official, bureau_member, orgs) -> int:
    """Three officials: the officials' chair, a bureau member and one more (+ the PHO chair)."""
    slug = body.portfolio.slug
    officials_meeting = body.prepares if body.kind == BodyKind.CORE_GROUP else None
    if officials_meeting is None:
        officials_meeting = next(
            b
            for b in bodies.values()
            if b.kind == BodyKind.OFFICIALS_MEETING and b.portfolio_id == body.portfolio_id
        )
    chair_org = orgs[DEMO_CHAIRS[slug]]
    officials_chair = official(chair_org, officials_meeting.slug)
    third_org = next(o for o in members_of(association_default()) if o != chair_org)
    third = official(third_org, officials_meeting.slug)
    added = 0
    if body.kind == BodyKind.CORE_GROUP:
        added += _seat(
            _post(body, Role.CHAIR, label="Voorzitter ambtelijk overleg"), officials_chair
        )
    else:
        pho = next(
            b
            for b in bodies.values()
            if b.kind == BodyKind.PORTFOLIO_MEETING and b.portfolio_id == body.portfolio_id
        )
        pho_chair = pho.posts.get(role=Role.CHAIR).memberships.first().person
        added += _seat(
            _post(body, Role.CHAIR, label="Bestuurlijk voorzitter portefeuillehoudersoverleg"),
            pho_chair,
        )
        added += _seat(
            _post(body, Role.MEMBER, label="Voorzitter ambtelijk overleg"), officials_chair
        )
    added += _seat(
        _post(body, Role.MEMBER, orgs["vdg"], label="Lid van het VDG-bureau"), bureau_member
    )
    added += _seat(_post(body, Role.MEMBER, label="Ambtenaar"), third)
    return added
