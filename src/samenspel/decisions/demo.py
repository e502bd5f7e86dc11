"""Demo proposals: the document's own examples of decisions in every college, with
invented progress (dates, outcomes, reference numbers), all marked as demo.

The subjects come from the agenda (annex 2, Gezondheid en welzijn; 5.3 on staff
capacity); who decided what and when is fiction, deterministic, and relative to
"today" for the running proposal so the demo always shows pending and overdue work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from samenspel.agenda.models import Agreement
from samenspel.core.dates import today
from samenspel.decisions import services
from samenspel.decisions.constants import DecisionOutcome, PhoOutcome
from samenspel.decisions.models import Proposal
from samenspel.finance.constants import ContributionKey
from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import Role
from samenspel.organisations.models import Membership, Portfolio
from samenspel.organisations.selectors import members_of

PORTFOLIO = "gezondheid-en-welzijn"


@dataclass
class DemoProposal:
    title: str
    agreements: list[str]
    subject: str
    points: list[str]
    created: dt.date
    pho: dt.date | None
    sent: dt.date | None
    deadline: dt.date | None
    years: dict[int, Decimal] = field(default_factory=dict)
    hours: Decimal = Decimal(0)
    money: bool = True
    staff: bool = False
    surcharge: bool = False
    # organisation slug → (outcome, days after sending); the rest has not decided yet.
    decisions: dict[str, tuple[str, int]] = field(default_factory=dict)
    everyone: tuple[str, int] | None = None
    coalition: str = ""


def _plans(now: dt.date) -> list[DemoProposal]:
    recent = now - dt.timedelta(days=24)
    return [
        DemoProposal(
            title="Afspraken ambtelijke inzet Gezondheid en welzijn 2022-2023",
            agreements=["gw-werkagenda"],
            subject="Afspraken over de ambtelijke inzet van elke gemeente voor de portefeuille "
            "Gezondheid en welzijn in 2022 en 2023.",
            points=[
                "In te stemmen met de afspraken over ambtelijke inzet voor de portefeuille "
                "Gezondheid en welzijn voor 2022 en 2023.",
                "De inzet van de eigen organisatie vast te stellen op het aantal uren in de tabel.",
            ],
            created=dt.date(2021, 10, 4),
            pho=dt.date(2021, 11, 11),
            sent=dt.date(2021, 11, 22),
            deadline=dt.date(2022, 2, 1),
            hours=Decimal(180),
            money=False,
            staff=True,
            everyone=(DecisionOutcome.AGREED, 40),
        ),
        DemoProposal(
            title="Regionale samenwerking Hartveilig Drenthe 2024-2027",
            agreements=["gw-hartveilig-drenthe-voorstel-2024-2027"],
            subject="Voortzetting van de regionale samenwerking Hartveilig Drenthe in de periode "
            "2024-2027, met de VDG als opdrachtgever en servicebureau.",
            points=[
                "In te stemmen met de regionale samenwerking Hartveilig Drenthe 2024-2027.",
                "De bijdrage van de gemeente naar inwonertal beschikbaar te stellen.",
                "De VDG te laten optreden als opdrachtgever en servicebureau.",
            ],
            created=dt.date(2023, 4, 3),
            pho=dt.date(2023, 6, 15),
            sent=dt.date(2023, 6, 26),
            deadline=dt.date(2023, 10, 1),
            years={y: Decimal("36000.00") for y in range(2024, 2028)},
            hours=Decimal(16),
            surcharge=True,
            everyone=(DecisionOutcome.AGREED, 60),
            decisions={"westerveld": (DecisionOutcome.REJECTED, 75)},
            coalition="De bijdragen zijn per gemeente berekend; wie niet meedoet betaalt niets en "
            "verliest geen dekking die er zonder de samenwerking wel was.",
        ),
        DemoProposal(
            title="Wet verplichte GGZ: gezamenlijke inkoop en contractering",
            agreements=["gw-ggz-wet-verplichte-ggz"],
            subject="Gezamenlijke inkoop en contractering van de taken onder de Wet "
            "verplichte GGZ.",
            points=[
                "In te stemmen met de gezamenlijke inkoop en contractering Wet verplichte GGZ.",
                "De kosten te verdelen naar inwonertal.",
            ],
            created=dt.date(2022, 11, 7),
            pho=dt.date(2022, 12, 8),
            sent=dt.date(2023, 1, 9),
            deadline=dt.date(2023, 6, 30),
            years={2023: Decimal("45000.00"), 2024: Decimal("45000.00")},
            everyone=(DecisionOutcome.AGREED, 70),
            decisions={"emmen": (DecisionOutcome.AMENDED, 120)},
        ),
        DemoProposal(
            title="Crisisopvang: time-outplek Centrum Verstandelijke Beperking en Psychiatrie",
            agreements=["gw-ggz-crisisopvang"],
            subject="Afspraken en contractering van een time-outplek bij het Centrum "
            "Verstandelijke Beperking en Psychiatrie.",
            points=[
                "In te stemmen met de afspraken over een regionale time-outplek.",
                "De bijdrage van de gemeente naar inwonertal beschikbaar te stellen.",
            ],
            created=dt.date(2023, 1, 16),
            pho=dt.date(2023, 2, 9),
            sent=dt.date(2023, 2, 20),
            deadline=dt.date(2023, 6, 30),
            years={2023: Decimal("120000.00"), 2024: Decimal("120000.00")},
            decisions={
                slug: (DecisionOutcome.AGREED, 30 + 7 * i)
                for i, slug in enumerate(
                    [
                        "aa-en-hunze",
                        "assen",
                        "borger-odoorn",
                        "coevorden",
                        "de-wolden",
                        "hoogeveen",
                        "meppel",
                        "midden-drenthe",
                        "noordenveld",
                    ]
                )
            }
            | {"emmen": (DecisionOutcome.POSTPONED, 95)},
        ),
        DemoProposal(
            title="Verlenging afspraken ambtelijke inzet Gezondheid en welzijn",
            agreements=["gw-werkagenda"],
            subject="Verlenging van de afspraken over ambtelijke inzet voor Gezondheid en welzijn, "
            "zoals de afspraken voor 2022-2023 al voorzagen.",
            points=["In te stemmen met verlenging van de afspraken over ambtelijke inzet."],
            created=recent - dt.timedelta(days=40),
            pho=recent - dt.timedelta(days=10),
            sent=recent,
            deadline=now + dt.timedelta(days=10),
            hours=Decimal(180),
            money=False,
            staff=True,
            decisions={
                "assen": (DecisionOutcome.AGREED, 8),
                "tynaarlo": (DecisionOutcome.AGREED, 14),
                "meppel": (DecisionOutcome.AGREED, 20),
            },
        ),
    ]


def _proposer(portfolio: Portfolio, on: dt.date):
    membership = (
        Membership.objects.active_on(on)
        .filter(post__body__portfolio=portfolio, post__role=Role.CHAIR)
        .select_related("person")
        .first()
    )
    return membership.person if membership else None


def _create(plan: DemoProposal, portfolio: Portfolio, members, now: dt.date) -> Proposal:
    proposal = services.proposal_create(
        user=None,
        participants=members,
        agreements=Agreement.objects.filter(slug__in=plan.agreements),
        years=plan.years,
        hours_per_year=plan.hours,
        title=plan.title,
        portfolio=portfolio,
        proposer=_proposer(portfolio, plan.created),
        subject=plan.subject,
        decision_points="\n".join(plan.points),
        affects_money=plan.money,
        affects_staff=plan.staff,
        cost_key=ContributionKey.PER_INHABITANT,
        service_desk_surcharge=plan.surcharge,
        created_on=plan.created,
        is_demo=True,
    )
    if plan.pho:
        services.pho_decision_record(
            proposal=proposal, decided_on=plan.pho, outcome=PhoOutcome.POSITIVE, user=None
        )
    if plan.sent:
        services.proposal_send(
            proposal=proposal, sent_on=plan.sent, deadline=plan.deadline, user=None
        )
        _decide(proposal, plan, now)
    return proposal


def _decide(proposal: Proposal, plan: DemoProposal, now: dt.date) -> None:
    for number, participant in enumerate(proposal.participants.select_related("organisation")):
        choice = plan.decisions.get(participant.organisation.slug, plan.everyone)
        if choice is None:
            continue
        outcome, days = choice
        decided_on = min(plan.sent + dt.timedelta(days=days + number % 5), now)
        services.executive_decision_record(
            participant=participant,
            decided_on=decided_on,
            outcome=outcome,
            reference=f"B&W {decided_on.year}/{100 + number * 7}",
            user=None,
            is_demo=True,
        )
    if plan.coalition:
        proposal.refresh_from_db()
        services.coalition_confirm(
            proposal=proposal,
            confirmed_on=plan.sent + dt.timedelta(days=100),
            note=plan.coalition,
            user=None,
        )


@transaction.atomic
def demo_proposals_create() -> int:
    """Create the demo proposals that are not there yet; returns how many were made."""
    portfolio = Portfolio.objects.filter(association=association_default(), slug=PORTFOLIO).first()
    members = list(members_of(association_default()))
    if portfolio is None or not members:
        return 0
    now = today()
    created = 0
    for plan in _plans(now):
        if Proposal.objects.filter(title=plan.title).exists():
            continue
        _create(plan, portfolio, members, now)
        created += 1
    return created
