"""One generated association's structure: the association with its hostname and members,
its bureau, portfolios, bodies, seats and who holds them, and accounts with roles."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.models import RoleAssignment, User
from samenspel.demo.national import register, text
from samenspel.demo.national.bulk import Progress, history, insert, insert_leaf
from samenspel.organisations.constants import (
    AssociationKind,
    AssociationMembershipKind,
    BodyKind,
    OrganisationKind,
    PersonFunction,
    Role,
)
from samenspel.organisations.models import (
    Association,
    AssociationHost,
    AssociationMembership,
    Body,
    Membership,
    Organisation,
    Person,
    Portfolio,
    Post,
)

START = dt.date(2023, 1, 1)
PARTNER_KINDS = [OrganisationKind.PARTNER, OrganisationKind.NETWORK]


def association_slug(k: int) -> str:
    return f"demo-{k:02d}"


@dataclass
class Built:
    """What later phases of one association need from its structure."""

    association: Association
    rng: random.Random
    municipalities: list[Organisation]
    province: Organisation
    water_boards: list[Organisation]
    partners: list[Organisation]
    bureau_org: Organisation
    portfolios: list[Portfolio]
    bodies: dict[str, Body] = field(default_factory=dict)
    bureau_people: list[Person] = field(default_factory=list)
    aldermen: dict[tuple[str, str], Person] = field(default_factory=dict)
    officials: dict[tuple[str, str], Person] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    seats: list[tuple[Post, Person]] = field(default_factory=list)  # every seat filled

    @property
    def governments(self) -> list[Organisation]:
        return [*self.municipalities, self.province, *self.water_boards]


def structure_create(
    k: int, seed: int, orgs: dict[str, Organisation], partner_pool: list, progress: Progress
) -> Built:
    rng = random.Random(f"{seed}:association:{k}")
    region = text.REGIONS[register.province_index(k)]
    slug = association_slug(k)
    association = Association.objects.create(
        slug=slug,
        name=f"Samenwerkende Gemeenten {region} {k} (demo)",
        short_name=f"SG{k:02d}",
        kind=AssociationKind.REGIONAL if k % 3 else AssociationKind.PROVINCIAL,
        contact_email=f"bureau@{slug}.demo.samenspel.invalid",
        is_example=True,
    )
    AssociationHost.objects.create(association=association, hostname=f"{slug}.localhost")
    bureau_org = Organisation.objects.create(
        slug=f"{slug}-bureau",
        name=f"Bureau regio {region} {k} (demo)",  # in the register: no association name
        short_name=f"Bureau regio {k}",
        kind=OrganisationKind.ASSOCIATION,
        is_demo=True,
    )
    built = Built(
        association=association,
        rng=rng,
        municipalities=[orgs[f"demo-gm-{i:04d}"] for i in register.municipality_indexes(k)],
        province=orgs[f"demo-pv-{register.province_index(k):02d}"],
        water_boards=[orgs[f"demo-ws-{i:02d}"] for i in register.water_board_indexes(k)],
        partners=rng.sample(partner_pool, min(6, len(partner_pool))),
        bureau_org=bureau_org,
        portfolios=[],
    )
    members = [
        AssociationMembership(
            association=association, organisation=o, kind=AssociationMembershipKind.MEMBER
        )
        for o in built.municipalities
    ] + [
        AssociationMembership(
            association=association, organisation=o, kind=AssociationMembershipKind.PARTNER
        )
        for o in [built.province, *built.water_boards, *built.partners, bureau_org]
    ]
    insert_leaf(AssociationMembership, members, progress)
    built.portfolios = insert(
        Portfolio,
        [
            Portfolio(association=association, slug=code, name=name, abbreviation=abbr, order=n)
            for n, (name, abbr, code) in enumerate(text.PORTFOLIOS, start=1)
        ],
        progress,
    )
    _bodies(built, progress)
    _seats(built, seed, progress)
    return built


# The bodies of the whole association, as the VDG has them (slug, name, short name, kind).
ASSOCIATION_BODIES = [
    ("algemeen-bestuur", "Algemeen bestuur", "AB", BodyKind.GENERAL_BOARD),
    ("dagelijks-bestuur", "Dagelijks bestuur", "DB", BodyKind.EXECUTIVE_BOARD),
    ("accounthoudersoverleg", "Accounthoudersoverleg", "AHO", BodyKind.ACCOUNT_HOLDERS_MEETING),
    ("bureau", "Bureau", "", BodyKind.BUREAU),
]


def _bodies(built: Built, progress: Progress) -> None:
    a = built.association
    bodies = [
        Body(association=a, slug=slug, name=name, short_name=short, kind=kind, is_demo=True)
        for slug, name, short, kind in ASSOCIATION_BODIES
    ]
    for p in built.portfolios:
        for prefix, kind, label in [
            ("pho", BodyKind.PORTFOLIO_MEETING, "Portefeuillehoudersoverleg"),
            ("ao", BodyKind.OFFICIALS_MEETING, "Ambtelijk overleg"),
            ("kerngroep", BodyKind.CORE_GROUP, "Kerngroep"),
        ]:
            bodies.append(
                Body(
                    association=a,
                    slug=f"{prefix}-{p.slug}",
                    name=f"{label} {p.name}",
                    short_name=f"{prefix.upper()} {p.abbreviation}",
                    kind=kind,
                    portfolio=p,
                    description=text.paragraph(built.rng, 2),
                    is_demo=True,
                )
            )
    insert(Body, bodies, progress)
    built.bodies = {b.slug: b for b in bodies}
    for p in built.portfolios:  # the core group prepares the officials, who prepare the PHO
        built.bodies[f"ao-{p.slug}"].prepares = built.bodies[f"pho-{p.slug}"]
        built.bodies[f"kerngroep-{p.slug}"].prepares = built.bodies[f"ao-{p.slug}"]
    Body.objects.bulk_update(
        [b for b in bodies if b.prepares is not None], ["prepares"], batch_size=500
    )


class Cast:
    """Who sits where: the register's people for one association, by their role."""

    def __init__(self, built: Built, seed: int) -> None:
        self.built = built
        self.people = register.People(seed)
        self.seats: list[tuple[Post, Person]] = []
        province = built.province
        self.deputy = self.people.get(
            f"demo-{province.slug}-gs", province, PersonFunction.DEPUTY, "gedeputeerde"
        )
        self.water_board = self.people.get(
            f"demo-{built.water_boards[0].slug}-db",
            built.water_boards[0],
            PersonFunction.WATER_BOARD_EXECUTIVE,
            "lid dagelijks bestuur",
        )
        built.bureau_people = [
            self.people.get(
                f"demo-{built.association.slug}-bureau-{n}",
                built.bureau_org,
                PersonFunction.PROCESS_DIRECTOR,
                title,
            )
            for n, title in enumerate(["directeur", "beleidsadviseur", "secretariaat"])
        ]

    def mayor(self, o: Organisation) -> Person:
        return self.people.get(f"demo-{o.slug}-bm", o, PersonFunction.MAYOR, f"burgemeester {o}")

    def alderman(self, o: Organisation, p: Portfolio) -> Person:
        n = self.built.portfolios.index(p) // 2  # four aldermen, two portfolios each
        return self.people.get(f"demo-{o.slug}-weth{n}", o, PersonFunction.ALDERMAN, "wethouder")

    def official(self, o: Organisation, p: Portfolio) -> Person:
        return self.people.get(
            f"demo-{o.slug}-amb-{p.slug}", o, PersonFunction.OFFICIAL, f"beleidsadviseur {p}"
        )

    def holder(self, o: Organisation) -> Person:
        return self.people.get(f"demo-{o.slug}-ah", o, PersonFunction.OFFICIAL, "accounthouder")

    def seat(self, body, role, person, org=None, **kw) -> None:
        self.seats.append(
            (Post(body=body, role=role, organisation=org, is_demo=True, **kw), person)
        )


def _seats(built: Built, seed: int, progress: Progress) -> None:
    cast = Cast(built, seed)
    _board_seats(built, cast)
    for i, portfolio in enumerate(built.portfolios):
        _portfolio_seats(built, cast, i, portfolio)
    cast.people.save(progress)
    insert(Post, [post for post, _ in cast.seats], progress)
    built.seats = cast.seats
    memberships = insert(
        Membership,
        [
            Membership(post=post, person=person, start_date=START, is_demo=True)
            for post, person in cast.seats
        ],
        progress,
    )
    history(Post, [post for post, _ in cast.seats], lambda _: START, progress)
    history(Membership, memberships, lambda _: START, progress)


def _board_seats(built: Built, cast: Cast) -> None:
    munis, seat, bureau = built.municipalities, cast.seat, built.bureau_people
    gb, eb = built.bodies["algemeen-bestuur"], built.bodies["dagelijks-bestuur"]
    seat(gb, Role.CHAIR, cast.mayor(munis[0]), munis[0])
    for o in munis:
        seat(gb, Role.MEMBER, cast.mayor(o), o)
    seat(gb, Role.INVITED_GUEST, cast.deputy, built.province)
    roles = [Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY_TREASURER, Role.MEMBER, Role.MEMBER]
    for role, o in zip(roles, munis[:5], strict=True):
        seat(eb, role, cast.mayor(o), o)
    aho = built.bodies["accounthoudersoverleg"]
    seat(aho, Role.CHAIR, bureau[0], built.bureau_org)
    for o in munis:
        seat(aho, Role.MEMBER, cast.holder(o), o)
    for n, person in enumerate(bureau):
        role = Role.CHAIR if n == 0 else Role.MEMBER
        seat(built.bodies["bureau"], role, person, built.bureau_org)


def _portfolio_seats(built: Built, cast: Cast, i: int, p: Portfolio) -> None:
    munis, seat, bureau = built.municipalities, cast.seat, built.bureau_people
    lead, vice = munis[i % len(munis)], munis[(i + 5) % len(munis)]
    pho, ao = built.bodies[f"pho-{p.slug}"], built.bodies[f"ao-{p.slug}"]
    seat(pho, Role.CHAIR, cast.alderman(lead, p), lead)
    seat(pho, Role.VICE_CHAIR, cast.alderman(vice, p), vice)
    seat(pho, Role.MINUTE_TAKER, bureau[2], built.bureau_org)
    seat(ao, Role.CHAIR, cast.official(lead, p), lead)
    seat(ao, Role.VICE_CHAIR, cast.official(vice, p), vice)
    for o in munis:
        seat(pho, Role.MEMBER, cast.alderman(o, p), o)
        seat(ao, Role.MEMBER, cast.official(o, p), o)
        built.aldermen[(o.slug, p.slug)] = cast.alderman(o, p)
        built.officials[(o.slug, p.slug)] = cast.official(o, p)
    seat(pho, Role.INVITED_GUEST, cast.deputy, built.province)
    seat(pho, Role.INVITED_GUEST, cast.water_board, built.water_boards[0], when_relevant=True)
    core = built.bodies[f"kerngroep-{p.slug}"]
    seat(core, Role.CHAIR, cast.official(lead, p), lead, label="Voorzitter ambtelijk overleg")
    seat(core, Role.MEMBER, bureau[1], built.bureau_org, label="Bureau")
    seat(core, Role.MEMBER, cast.official(vice, p), vice, label="Ambtenaar")


def accounts_create(built: Built, password_hash: str, progress: Progress) -> None:
    """A bureau user (the one to benchmark pages as), a reader, a portfolio chair and an
    account holder, each with a role in this association only."""
    a, p, o = built.association, built.portfolios[0], built.municipalities[0]
    specs = [
        ("bureau", "Bureau", RoleKind.BUREAU, None, None, built.bureau_people[0]),
        ("lezer", "Lezer", RoleKind.READER, None, None, None),
        ("voorzitter", "Voorzitter", RoleKind.PORTFOLIO_CHAIR, p, None, None),
        ("accounthouder", "Accounthouder", RoleKind.ACCOUNT_HOLDER, None, o, None),
    ]
    users = [
        User(
            username=f"{a.slug}-{name}",
            first_name=label,
            last_name=f"{a.short_name} (demo)",
            email=f"{name}@{a.slug}.demo.samenspel.invalid",
            password=password_hash,
            person=person,
            is_demo=True,
        )
        for name, label, _, _, _, person in specs
    ]
    insert(User, users, progress)
    roles = [
        RoleAssignment(user=u, association=a, role=role, portfolio=portfolio, organisation=org)
        for u, (_, _, role, portfolio, org, _) in zip(users, specs, strict=True)
    ]
    insert_leaf(RoleAssignment, roles, progress)
    built.users = {spec[0]: u for spec, u in zip(specs, users, strict=True)}
