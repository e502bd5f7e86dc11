"""The rules of annex 1 ("Invulling structuur, rollen, taken en functies"), checked as of a date.

Each rule is a plain function over a snapshot of the structure and returns the
offending items as Dutch sentences; no offences means the rule passes. Another
association can switch a rule off for itself with a `GovernanceRuleSetting` (or
`governance.disabled_rules` in its agenda file).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from samenspel.organisations.constants import BodyKind, OrganisationKind, Role
from samenspel.organisations.models import (
    Association,
    Body,
    GovernanceRuleSetting,
    Organisation,
    Post,
)
from samenspel.organisations.selectors import (
    members_and_governments_with_organisations,
    posts_with_holders_on,
)


@dataclass
class Snapshot:
    """The structure of one association on one date: its bodies, every post of them with
    the people holding it then, and which organisations of the national register are its
    members and partner governments."""

    date: dt.date
    bodies: list[Body]
    posts_by_body: dict[int, list[Post]]
    organisations: list[Organisation]
    seats_of_person: dict[int, set[int]] = field(default_factory=dict)  # person -> body ids
    member_ids: set[int] = field(default_factory=set)
    government_ids: set[int] = field(default_factory=set)  # members and partner governments

    @classmethod
    def on(cls, date: dt.date, *, association: Association) -> Snapshot:
        posts = posts_with_holders_on(
            date=date, posts=Post.objects.filter(body__association=association)
        )
        by_body: dict[int, list[Post]] = defaultdict(list)
        seats: dict[int, set[int]] = defaultdict(set)
        for post in posts:
            by_body[post.body_id].append(post)
            for membership in post.holders:
                seats[membership.person_id].add(post.body_id)
        members, governments, organisations = members_and_governments_with_organisations(
            association, on=date
        )
        return cls(
            date=date,
            bodies=list(
                Body.objects.filter(association=association)
                .select_related("portfolio")
                .order_by("name")
            ),
            posts_by_body=by_body,
            organisations=organisations,  # the ones of the association, by name
            seats_of_person=seats,
            member_ids=members,
            government_ids=governments,
        )

    def body(self, pk: int | None) -> Body | None:
        return next((b for b in self.bodies if b.pk == pk), None)

    def of_kind(self, *kinds: str) -> list[Body]:
        return [b for b in self.bodies if b.kind in kinds]

    def posts(self, body: Body, role: str | None = None) -> list[Post]:
        return [p for p in self.posts_by_body.get(body.pk, []) if role is None or p.role == role]

    def holder(self, body: Body, role: str):
        """The person holding the first filled post of `role`, or None."""
        for post in self.posts(body, role):
            if post.holders:
                return post.holders[0].person
        return None

    def members(self) -> list[Organisation]:
        return [o for o in self.organisations if o.pk in self.member_ids]

    def body_ids(self, kind: str) -> set[int]:
        return {b.pk for b in self.of_kind(kind)}


def _name(body: Body) -> str:
    return body.short_name or body.name


def _represented(snapshot: Snapshot, body: Body) -> set[int]:
    return {
        post.organisation_id
        for post in snapshot.posts(body, Role.MEMBER)
        if post.organisation_id and post.holders
    }


def every_member_in_every(kind: str) -> Callable[[Snapshot], list[str]]:
    def check(snapshot: Snapshot) -> list[str]:
        offences = []
        for body in snapshot.of_kind(kind):
            present = _represented(snapshot, body)
            missing = [o.display_name for o in snapshot.members() if o.pk not in present]
            if missing:
                offences.append(f"{_name(body)}: niet vertegenwoordigd: {', '.join(missing)}.")
        return offences

    return check


def _pho_of(snapshot: Snapshot, portfolio_id: int | None) -> Body | None:
    for body in snapshot.of_kind(BodyKind.PORTFOLIO_MEETING):
        if body.portfolio_id == portfolio_id:
            return body
    return None


def pho_chair_is_board_member(snapshot: Snapshot) -> list[str]:
    board = snapshot.body_ids(BodyKind.GENERAL_BOARD)
    offences = []
    for body in snapshot.of_kind(BodyKind.PORTFOLIO_MEETING):
        chair = snapshot.holder(body, Role.CHAIR)
        if chair is None:
            offences.append(f"{_name(body)} heeft geen voorzitter.")
        elif not snapshot.seats_of_person.get(chair.pk, set()) & board:
            offences.append(f"{_name(body)}: voorzitter {chair} is geen lid van het bestuur.")
    return offences


def officials_chair_same_municipality(snapshot: Snapshot) -> list[str]:
    offences = []
    for body in snapshot.of_kind(BodyKind.OFFICIALS_MEETING):
        chair = snapshot.holder(body, Role.CHAIR)
        pho = _pho_of(snapshot, body.portfolio_id)
        pho_chair = snapshot.holder(pho, Role.CHAIR) if pho else None
        if chair is None:
            offences.append(f"{_name(body)} heeft geen ambtelijk voorzitter.")
        elif pho_chair is not None and chair.organisation_id != pho_chair.organisation_id:
            offences.append(
                f"{_name(body)}: ambtelijk voorzitter {chair} ({chair.organisation.display_name})"
                f" komt niet uit dezelfde gemeente als bestuurlijk voorzitter {pho_chair}"
                f" ({pho_chair.organisation.display_name})."
            )
    return offences


def core_group_composition(snapshot: Snapshot) -> list[str]:
    bureau = snapshot.body_ids(BodyKind.BUREAU)
    offences = []
    for body in snapshot.of_kind(BodyKind.CORE_GROUP):
        people = {m.person for post in snapshot.posts(body) for m in post.holders}
        problems = []
        if len(people) != 3:
            problems.append(f"{len(people)} leden in plaats van drie")
        prepared = snapshot.body(body.prepares_id)
        officials_chair = snapshot.holder(prepared, Role.CHAIR) if prepared else None
        if officials_chair is None or officials_chair not in people:
            problems.append("de voorzitter van het ambtelijk overleg ontbreekt")
        if not any(snapshot.seats_of_person.get(p.pk, set()) & bureau for p in people):
            problems.append("geen lid van het bureau")
        if problems:
            offences.append(f"{_name(body)}: {'; '.join(problems)}.")
    return offences


def account_holder_per_government(snapshot: Snapshot) -> list[str]:
    holders = set()
    for body in snapshot.of_kind(BodyKind.ACCOUNT_HOLDERS_MEETING):
        holders |= _represented(snapshot, body)
    governments = [o for o in snapshot.organisations if o.pk in snapshot.government_ids]
    return [
        f"{o.display_name} heeft geen accounthouder." for o in governments if o.pk not in holders
    ]


def _invited(snapshot: Snapshot, body: Body, kind: str) -> bool:
    return any(
        post.holders and post.organisation and post.organisation.kind == kind
        for post in snapshot.posts(body, Role.INVITED_GUEST)
    )


def province_invited(snapshot: Snapshot) -> list[str]:
    bodies = snapshot.of_kind(
        BodyKind.GENERAL_BOARD, BodyKind.PORTFOLIO_MEETING, BodyKind.OFFICIALS_MEETING
    )
    return [
        f"{_name(b)}: geen uitgenodigde van de provincie."
        for b in bodies
        if not _invited(snapshot, b, OrganisationKind.PROVINCE)
    ]


WATER_BOARD_PORTFOLIOS = ("energie-klimaat-en-milieu", "ruimte-en-wonen")


def water_boards_invited(snapshot: Snapshot) -> list[str]:
    bodies = [
        b
        for b in snapshot.of_kind(BodyKind.PORTFOLIO_MEETING, BodyKind.OFFICIALS_MEETING)
        if b.portfolio and b.portfolio.slug in WATER_BOARD_PORTFOLIOS
    ]
    return [
        f"{_name(b)}: geen uitgenodigde van een waterschap."
        for b in bodies
        if not _invited(snapshot, b, OrganisationKind.WATER_BOARD)
    ]


def executive_board_complete(snapshot: Snapshot) -> list[str]:
    labels = {
        Role.CHAIR: "voorzitter",
        Role.VICE_CHAIR: "vicevoorzitter",
        Role.SECRETARY_TREASURER: "secretaris-penningmeester",
    }
    offences = []
    boards = snapshot.of_kind(BodyKind.EXECUTIVE_BOARD)
    if not boards:
        return ["Er is geen dagelijks bestuur."]
    for body in boards:
        missing = [label for role, label in labels.items() if snapshot.holder(body, role) is None]
        if missing:
            offences.append(f"{_name(body)}: geen {', '.join(missing)}.")
    return offences


def vng_committees_linked(snapshot: Snapshot) -> list[str]:
    return [
        f"{b.name}: nog geen verbinding met een portefeuille."
        for b in snapshot.of_kind(BodyKind.VNG_COMMITTEE)
        if b.link_status == "unlinked"
    ]


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    source: str
    check: Callable[[Snapshot], list[str]]


RULES = [
    Rule(
        "leden-in-elk-pho",
        "Elke gemeente is vertegenwoordigd in elk portefeuillehoudersoverleg",
        "Bijlage 1, Portefeuillehoudersoverleggen en ambtelijke overleggen",
        every_member_in_every(BodyKind.PORTFOLIO_MEETING),
    ),
    Rule(
        "leden-in-elk-ambtelijk-overleg",
        "Elke gemeente is vertegenwoordigd in elk ambtelijk overleg",
        "Bijlage 1, Portefeuillehoudersoverleggen en ambtelijke overleggen",
        every_member_in_every(BodyKind.OFFICIALS_MEETING),
    ),
    Rule(
        "pho-voorzitter-in-bestuur",
        "De voorzitter van een portefeuillehoudersoverleg is lid van het bestuur",
        "Bijlage 1: Een lid van het bestuur is voorzitter van het portefeuillehoudersoverleg.",
        pho_chair_is_board_member,
    ),
    Rule(
        "ambtelijk-voorzitter-zelfde-gemeente",
        "De ambtelijk voorzitter komt uit dezelfde gemeente als de bestuurlijk voorzitter",
        "Bijlage 1: De ambtelijk voorzitter is afkomstig uit dezelfde gemeente als de "
        "bestuurlijk voorzitter.",
        officials_chair_same_municipality,
    ),
    Rule(
        "kerngroep-samenstelling",
        "Een kerngroep heeft drie ambtenaren, met de ambtelijk voorzitter en een lid van "
        "het bureau",
        "Bijlage 1: De kerngroep bestaat uit drie ambtenaren, waaronder de voorzitter van het "
        "ambtelijk overleg en een lid van het bureau.",
        core_group_composition,
    ),
    Rule(
        "accounthouder-per-overheid",
        "Elk lid, de provincie en elk waterschap heeft een accounthouder",
        "5.1 en bijlage 1, Ambtelijke inzet",
        account_holder_per_government,
    ),
    Rule(
        "provincie-uitgenodigd",
        "De provincie is uitgenodigd voor het bestuur, elk portefeuillehoudersoverleg en elk "
        "ambtelijk overleg",
        "Bijlage 1, Samenwerking met provincie en waterschappen",
        province_invited,
    ),
    Rule(
        "waterschappen-uitgenodigd",
        "Een waterschap is uitgenodigd voor de overleggen van EKM en R&W",
        "5.4 en bijlage 1, Samenwerking met provincie en waterschappen",
        water_boards_invited,
    ),
    Rule(
        "dagelijks-bestuur-compleet",
        "Het dagelijks bestuur heeft een voorzitter, vicevoorzitter en secretaris-penningmeester",
        "Bijlage 1, Algemeen en dagelijks bestuur",
        executive_board_complete,
    ),
    Rule(
        "vng-commissies-verbonden",
        "Elke VNG-commissie is verbonden met een portefeuille",
        "5.5: zeven VNG-commissies/-colleges hebben nog onvoldoende verbinding",
        vng_committees_linked,
    ),
]


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    enabled: bool
    offences: list[str]

    @property
    def passed(self) -> bool:
        return not self.offences


def governance_check(*, date: dt.date, association: Association) -> list[RuleResult]:
    """Every rule with pass/fail and its offending items, for `association` on `date`;
    a rule `association` switched off is reported as off, not checked."""
    disabled = set(
        GovernanceRuleSetting.objects.filter(association=association, enabled=False).values_list(
            "code", flat=True
        )
    )
    snapshot = Snapshot.on(date, association=association)
    return [
        RuleResult(rule, rule.code not in disabled, [])
        if rule.code in disabled
        else RuleResult(rule, True, rule.check(snapshot))
        for rule in RULES
    ]
