"""Demo meetings: two years of fictitious meetings for the bodies the association runs.

Last year and this year (relative to "today") plus next year's schedule, generated from
demo cycles like the bureau would. Meetings before today are held: attendance, agendas
tied to the real agreements, numbered decisions, actions (some closed, some carried
over) and minutes approved at the next meeting. The next meeting of each body has its
agenda; later ones are only planned. The discussion of an agreement quotes its demo
progress, and the PHO Gezondheid en Welzijn discusses the running demo proposal on the
date of its PHO decision. Everything is marked demo; running it twice changes nothing.
VNG committees (the VNG's meetings) and the bureau are left out.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_update_with_history

from samenspel.accounts.models import User
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.core.dates import today
from samenspel.decisions.constants import PhoOutcome
from samenspel.decisions.models import Proposal
from samenspel.meetings import services
from samenspel.meetings.constants import (
    ActionStatus,
    Attendance,
    ItemKind,
    MeetingStatus,
    OutcomeKind,
)
from samenspel.meetings.minutes import minutes_approve, minutes_mark, minutes_save
from samenspel.meetings.models import Action, AgendaItem, Invitation, Meeting, MeetingCycle
from samenspel.meetings.outcomes import action_add, action_close, outcome_record
from samenspel.meetings.schedule import schedule_generate
from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind, Role
from samenspel.organisations.models import Body, Membership, Person

PLACE = "Provinciehuis, Assen"
ONLINE = "https://vergaderen.example.org/vdg/"

# Body kind → cycle settings. Preparing bodies follow the body they prepare.
CYCLES: dict[str, dict[str, Any]] = {
    BodyKind.GENERAL_BOARD: {"per_year": 6, "weekday": 2, "start_time": dt.time(15, 0)},
    BodyKind.EXECUTIVE_BOARD: {"per_year": 10, "weekday": 0, "start_time": dt.time(9, 0)},
    BodyKind.PORTFOLIO_MEETING: {"per_year": 4, "start_time": dt.time(13, 30)},
    BodyKind.OFFICIALS_MEETING: {"follows_prepared": True, "days_before": 14},
    BodyKind.CORE_GROUP: {"follows_prepared": True, "days_before": 7, "duration_minutes": 60},
    BodyKind.CORE_GROUP_PLUS: {"follows_prepared": True, "days_before": 5, "duration_minutes": 60},
    BodyKind.ACCOUNT_HOLDERS_MEETING: {"per_year": 3, "weekday": 1},
    BodyKind.SECRETARIES_CIRCLE: {"per_year": 4, "weekday": 4, "start_time": dt.time(9, 0)},
    BodyKind.STEERING_GROUP: {"per_year": 4, "weekday": 1, "start_time": dt.time(14, 0)},
}

# Annual meetings and knowledge cafés beside the ordinary cycles (annex 2, "Bijeenkomsten").
EXTRA_CYCLES: dict[str, list[dict[str, Any]]] = {
    "algemeen-bestuur": [
        {"title": "Algemene ledenvergadering", "per_year": 1, "month": 6, "weekday": 3},
        {
            "title": "Jaarcongres",
            "per_year": 1,
            "month": 10,
            "weekday": 4,
            "start_time": dt.time(13, 0),
            "duration_minutes": 240,
        },
    ],
    "dagelijks-bestuur": [
        {"title": "Jaargesprek met de gedeputeerden", "per_year": 1, "month": 3, "weekday": 1}
    ],
    "ao-ekm": [{"title": "Kenniscafé Water", "per_year": 2, "weekday": 2}],
}

BOARD_ITEMS = [
    ("Voortgang samenwerkingsagenda", ItemKind.DISCUSSION),
    ("Begroting en jaarrekening", ItemKind.DECISION),
    ("Terugkoppeling portefeuilles", ItemKind.INFORMATION),
    ("VNG-aangelegenheden", ItemKind.INFORMATION),
]
GENERAL_ITEMS = [
    ("Mededelingen en ingekomen stukken", ItemKind.INFORMATION),
    ("Actualiteiten uit de gemeenten", ItemKind.DISCUSSION),
    ("Planning volgende vergaderingen", ItemKind.DECISION),
]
DECISION_TEXTS = [
    "Ingestemd met het voorstel.",
    "Ingestemd, met de aanvulling dat de kerngroep de uitwerking voorbereidt.",
    "Aangehouden tot de volgende vergadering; eerst ambtelijk afstemmen.",
]


def _cycles_create() -> list[MeetingCycle]:
    bodies = Body.objects.filter(association=association_default(), kind__in=CYCLES).select_related(
        "portfolio"
    )
    cycles = []
    for body in bodies:
        values = {"place": PLACE, "is_demo": True, **CYCLES[body.kind]}
        if body.kind == BodyKind.PORTFOLIO_MEETING and body.portfolio:
            values["weekday"] = body.portfolio.order % 4 + 1  # spread the PHOs over the week
        cycle, _created = MeetingCycle.objects.get_or_create(body=body, title="", defaults=values)
        cycles.append(cycle)
        for extra in EXTRA_CYCLES.get(body.slug, []):
            extra_values = {"place": PLACE, "is_demo": True, **extra}
            title = extra_values.pop("title")
            MeetingCycle.objects.get_or_create(body=body, title=title, defaults=extra_values)
    return cycles


def _align_with_proposals(start: dt.date, end: dt.date) -> None:
    """Move the PHO meeting nearest a demo proposal's PHO decision onto that date."""
    for proposal in Proposal.objects.filter(
        is_demo=True, pho_decided_on__range=(start, end)
    ).select_related("portfolio"):
        meetings = Meeting.objects.filter(
            body__kind=BodyKind.PORTFOLIO_MEETING, body__portfolio=proposal.portfolio
        )
        nearest = min(meetings, key=lambda m: abs(m.date - proposal.pho_decided_on), default=None)
        if nearest is None:
            continue
        delta = dt.datetime.combine(proposal.pho_decided_on, dt.time()) - dt.datetime.combine(
            nearest.date, dt.time()
        )
        Meeting.objects.filter(pk=nearest.pk).update(
            starts_at=nearest.starts_at + delta, ends_at=nearest.ends_at + delta
        )
        nearest.refresh_from_db()
        services.agenda_item_add(
            body=nearest.body,
            meeting=nearest,
            title=proposal.title,
            kind=ItemKind.DECISION,
            proposal=proposal,
            lead=proposal.proposer,
            agreements=proposal.agreements.all(),
            duration_minutes=30,
            user=None,
            is_demo=True,
        )


def _latest_progress(agreement: Agreement, on: dt.date) -> ProgressUpdate | None:
    return agreement.updates.filter(date__lte=on).order_by("-date", "-pk").first()


WATER_PORTFOLIOS = ("energie-klimaat-en-milieu", "ruimte-en-wonen")


def _item(meeting: Meeting, title: str, kind: str, **values: Any) -> AgendaItem:
    return services.agenda_item_add(
        body=meeting.body,
        meeting=meeting,
        title=title[:250],
        kind=kind,
        user=None,
        is_demo=True,
        **values,
    )


def _items(meeting: Meeting, rng: random.Random, agreements: list[Agreement]) -> None:
    """Announcements, board business, a decision and the progress of agreements."""
    body = meeting.body
    members = _members(meeting)
    specs = list(GENERAL_ITEMS[:1])
    if body.kind in (BodyKind.GENERAL_BOARD, BodyKind.EXECUTIVE_BOARD):
        specs += rng.sample(BOARD_ITEMS, 2)
    for title, kind in specs:
        _item(meeting, title, kind)
    chosen = rng.sample(agreements, min(len(agreements), 3))
    if chosen and body.kind in (BodyKind.PORTFOLIO_MEETING, BodyKind.GENERAL_BOARD):
        decided = chosen.pop()
        _item(
            meeting,
            f"Vaststellen aanpak: {decided.title}",
            ItemKind.DECISION,
            lead=rng.choice(members) if members else None,
            agreements=[decided],
            duration_minutes=30,
        )
    for agreement in chosen:
        _item(
            meeting,
            f"Voortgang: {agreement.title}",
            ItemKind.DISCUSSION,
            lead=rng.choice(members) if members else None,
            agreements=[agreement],
            duration_minutes=rng.choice([15, 20, 30]),
        )
    water = body.portfolio is not None and body.portfolio.slug in WATER_PORTFOLIOS
    if water and rng.random() < 0.5:
        _item(
            meeting,
            "Klimaatadaptatie en de wateropgave",
            ItemKind.DISCUSSION,
            water_boards_relevant=True,
        )


def _members(meeting: Meeting) -> list[Person]:
    return list(
        Person.objects.filter(
            memberships__in=Membership.objects.active_on(meeting.date).filter(
                post__body=meeting.body
            )
        )
        .distinct()
        .order_by("pk")
    )


def _minute_taker(meeting: Meeting) -> Person | None:
    membership = (
        Membership.objects.active_on(meeting.date)
        .filter(post__body=meeting.body, post__role=Role.MINUTE_TAKER)
        .select_related("person")
        .first()
    )
    return membership.person if membership else None


def _outcome_text(item: AgendaItem, rng: random.Random) -> tuple[str, str]:
    agreements = list(item.agreements.all())
    if item.proposal_id and item.proposal.pho_outcome:
        label = PhoOutcome(item.proposal.pho_outcome).label
        return OutcomeKind.DECISION, f"{label}; het voorstel gaat naar de colleges."
    if item.kind == ItemKind.DECISION:
        return OutcomeKind.DECISION, rng.choice(DECISION_TEXTS)
    if agreements:
        update = _latest_progress(agreements[0], item.meeting.date)
        text = update.text if update else "Nog niet gestart; de kerngroep komt met een aanpak."
        return OutcomeKind.NOTED, f"Besproken. {text}"
    return OutcomeKind.NOTED, "Voor kennisgeving aangenomen."


def _hold(meeting: Meeting, rng: random.Random) -> None:
    """Outcomes, one action, attendance and minutes for a meeting in the past."""
    invitations = list(meeting.invitations.all())
    for invitation in invitations:
        roll = rng.random()
        invitation.attendance = Attendance.PRESENT if roll < 0.85 else Attendance.EXCUSED
    # One update and one insert of history rows for the whole list (about 20 a meeting).
    bulk_update_with_history(invitations, Invitation, ["attendance"], batch_size=500)
    items = list(meeting.items.prefetch_related("agreements"))
    lines = []
    for item in items:
        kind, text = _outcome_text(item, rng)
        # The demo proposals carry their PHO decision already (decisions demo).
        outcome = outcome_record(
            item=item,
            kind=kind,
            text=text,
            pho_outcome=item.proposal.pho_outcome if item.proposal_id else "",
            record_on_proposal=False,
            user=None,
            is_demo=True,
        )
        label = f" ({outcome.reference})" if outcome.reference else ""
        lines.append(f"<li><strong>{item.title}</strong>{label}: {text}</li>")
    members = _members(meeting)
    if members and items:
        action_add(
            meeting=meeting,
            item=items[-1],
            title=rng.choice(
                [
                    "Stuurt de notitie rond aan de leden",
                    "Peilt de standpunten in de eigen colleges",
                    "Werkt het voorstel uit voor de volgende vergadering",
                    "Vraagt de provincie naar de financiering",
                ]
            ),
            owner=rng.choice(members),
            due_on=meeting.date + dt.timedelta(days=rng.choice([21, 42, 63])),
            user=None,
            is_demo=True,
        )
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    minutes = minutes_save(
        meeting=meeting,
        text=f"<p>Opening door de voorzitter.</p><ol>{''.join(lines)}</ol><p>Sluiting.</p>",
        minute_taker=_minute_taker(meeting) or (members[0] if members else None),
        user=None,
        is_demo=True,
    )
    minutes_mark(minutes=minutes, user=None, on=meeting.date + dt.timedelta(days=5))


def _close_actions(meeting: Meeting, rng: random.Random) -> None:
    """At each held meeting most open actions of the body are reported done."""
    for action in Action.objects.filter(
        body=meeting.body, status=ActionStatus.OPEN, created_on__lt=meeting.date
    ):
        if rng.random() < 0.7:
            action_close(
                action=action,
                status=ActionStatus.DONE,
                closed_on=meeting.date,
                note="Gemeld in de vergadering.",
                user=None,
            )


def _approve_previous(meeting: Meeting, previous: Meeting | None, rng: random.Random) -> None:
    if previous is None or not hasattr(previous, "minutes"):
        return
    minutes_approve(
        minutes=previous.minutes, at_meeting=meeting, with_changes=rng.random() < 0.2, user=None
    )


def _fill(meetings: list[Meeting], now: dt.date) -> None:
    previous: dict[int, Meeting] = {}
    prepared: set[int] = set()  # bodies whose next meeting already has its agenda
    agreements_by_portfolio: dict[int | None, list[Agreement]] = {}
    for meeting in meetings:
        rng = random.Random(f"{meeting.body.slug}-{meeting.date}")
        portfolio_id = meeting.body.portfolio_id
        if portfolio_id not in agreements_by_portfolio:
            agreements_by_portfolio[portfolio_id] = list(
                Agreement.objects.filter(portfolio_id=portfolio_id).order_by("order")
                if portfolio_id
                else Agreement.objects.filter(portfolio__isnull=True).order_by("order")[:30]
            )
        if meeting.date >= now and meeting.body_id in prepared:
            continue  # later meetings get their agenda when their time comes
        _items(meeting, rng, agreements_by_portfolio[portfolio_id])
        if meeting.date >= now:
            prepared.add(meeting.body_id)
        if meeting.date < now:
            _close_actions(meeting, rng)
            _approve_previous(meeting, previous.get(meeting.body_id), rng)
            _hold(meeting, rng)
            previous[meeting.body_id] = meeting
        elif meeting.date <= now + dt.timedelta(days=14):
            Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.AGENDA_SENT)


def _backlog(bodies: list[Body]) -> None:
    for body in bodies:
        services.agenda_item_add(
            body=body,
            title="Evaluatie van de werkwijze van het overleg",
            kind=ItemKind.DISCUSSION,
            user=None,
            is_demo=True,
        )


def _link_demo_users() -> None:
    """Give the demo accounts their person, so 'my meetings' and 'my actions' show."""
    seats = {
        "voorzitter-gw": {"post__body__slug": "pho-gw", "post__role": Role.CHAIR},
        "kerngroep-ekm": {"post__body__slug": "kerngroep-ekm"},
        "accounthouder-assen": {
            "post__body__kind": BodyKind.ACCOUNT_HOLDERS_MEETING,
            "post__organisation__slug": "assen",
        },
    }
    for username, seat in seats.items():
        user = User.objects.filter(username=username, person__isnull=True).first()
        membership = Membership.objects.filter(**seat).order_by("pk").first()
        if user and membership and not User.objects.filter(person=membership.person).exists():
            user.person = membership.person
            user.save(update_fields=["person"])


@transaction.atomic
def demo_meetings_create() -> int:
    """Create the demo meetings unless they exist; returns how many meetings were made."""
    if Meeting.objects.filter(is_demo=True).exists():
        return 0
    now = today()
    cycles = _cycles_create()
    created = []
    for year in (now.year - 1, now.year, now.year + 1):
        created += schedule_generate(year=year, is_demo=True)
    _align_with_proposals(dt.date(now.year - 1, 1, 1), dt.date(now.year, 12, 31))
    meetings = list(
        Meeting.objects.filter(is_demo=True)
        .select_related("body__portfolio")
        .order_by("starts_at", "pk")
    )
    _fill(meetings, now)
    _backlog([c.body for c in cycles if c.body.kind == BodyKind.PORTFOLIO_MEETING])
    _link_demo_users()
    return len(created)
