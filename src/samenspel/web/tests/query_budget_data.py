"""More data of the same association, cheaply, for the query-count budgets.

`grow(association)` copies what the demo layer made (agreements with their milestones,
updates and partners; proposals with years, participants and executive decisions;
meetings with items, invitations, outcomes, actions and minutes; projects; staff
commitments) with bulk inserts and their history rows, so every main page's lists are
about twice as long. Copies keep the shape of real data (dates, statuses, links), which
is what makes a query that runs once per row show up.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.db import models
from simple_history.utils import bulk_create_with_history

from samenspel.accounts.models import User
from samenspel.agenda.models import Agenda, Agreement, Milestone, ProgressUpdate
from samenspel.capacity.models import RealisedHours, StaffCommitment
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal, ProposalYear
from samenspel.finance.models import Project, ProjectFunder, ProjectYear
from samenspel.meetings.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    DocumentVersion,
    Invitation,
    Meeting,
    Minutes,
    Outcome,
)
from samenspel.organisations.models import AssociationMembership, Portfolio
from samenspel.reports.constants import FollowTarget
from samenspel.reports.models import Follow

BATCH = 500


def copy_rows(model, rows, **changes) -> dict[int, models.Model]:
    """Insert a copy of each row with `changes` (a value, or a function of the original
    row); returns {original pk: copy}. Models with history get their history rows too."""
    originals, copies = [], []
    for row in rows:
        copy = model(
            **{
                f.attname: getattr(row, f.attname)
                for f in model._meta.concrete_fields
                if not f.primary_key
            }
        )
        for name, value in changes.items():
            setattr(copy, name, value(row) if callable(value) else value)
        originals.append(row.pk)
        copies.append(copy)
    if hasattr(model, "history"):
        made = bulk_create_with_history(copies, model, batch_size=BATCH)
    else:
        made = model.objects.bulk_create(copies, batch_size=BATCH)
    return dict(zip(originals, made, strict=True))


def copy_links(model, field_name: str, copies: dict[int, models.Model]) -> None:
    """Give each copy the many-to-many links of its original."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = through.objects.filter(**{f"{source}_id__in": list(copies)})
    through.objects.bulk_create(
        [
            through(
                **{
                    f"{source}_id": copies[getattr(link, f"{source}_id")].pk,
                    f"{target}_id": getattr(link, f"{target}_id"),
                }
            )
            for link in links
        ],
        batch_size=BATCH,
    )


def _children(model, parent: str, copies: dict[int, models.Model], **changes):
    rows = model.objects.filter(**{f"{parent}_id__in": list(copies)})
    return copy_rows(
        model,
        rows,
        **{parent: lambda row: copies[getattr(row, f"{parent}_id")]},
        **changes,
    )


def members(association):
    return [
        m.organisation
        for m in AssociationMembership.objects.filter(association=association)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def proposal_with_participants(association, count: int = 17) -> Proposal:
    """The sent demo proposal with the most participants, topped up to `count` members."""
    proposal = (
        Proposal.objects.filter(portfolio__association=association, stage="sent")
        .annotate(n=models.Count("participants"))
        .order_by("-n", "pk")
        .first()
    )
    taken = set(proposal.participants.values_list("organisation_id", flat=True))
    missing = [o for o in members(association) if o.pk not in taken][: count - len(taken)]
    bulk_create_with_history(
        [Participant(proposal=proposal, organisation=o) for o in missing], Participant
    )
    assert proposal.participants.count() == count, "too few members for the proposal"
    return proposal


def meeting_with_documents(association, bureau: User) -> Meeting:
    """The demo meeting with the most agenda items, each item with a document."""
    meeting = (
        Meeting.objects.filter(body__association=association)
        .annotate(n=models.Count("items"))
        .order_by("-n", "pk")
        .first()
    )
    _documents(AgendaItem.objects.filter(meeting=meeting), bureau)
    return meeting


def _documents(items, bureau: User) -> None:
    documents = bulk_create_with_history(
        [AgendaDocument(item=item, title=f"Stuk bij {item.title}"[:250]) for item in items],
        AgendaDocument,
    )
    bulk_create_with_history(
        [
            DocumentVersion(
                document=document,
                number=number,
                file=f"stukken/test/{document.pk}-{number}.pdf",
                filename=f"stuk-{number}.pdf",
                size=1000,
                uploaded_by=bureau,
            )
            for document in documents
            for number in (1, 2)
        ],
        DocumentVersion,
    )


def follow(user: User, association, agreements, proposals, portfolios) -> None:
    Follow.objects.bulk_create(
        [
            Follow(association=association, user=user, target=target, object_id=pk)
            for target, pks in (
                (FollowTarget.AGREEMENT, agreements),
                (FollowTarget.PROPOSAL, proposals),
                (FollowTarget.PORTFOLIO, portfolios),
            )
            for pk in pks
        ],
        ignore_conflicts=True,
    )


def grow(association, agenda: Agenda, *, agreement, proposal, meeting, bureau: User) -> None:
    """About double the association's data; the measured agreement, proposal and meeting
    get more of their own rows too."""
    # Agreements, with milestones, updates and links; the measured one gets copies of
    # its own updates and milestones on top.
    agreements = copy_rows(
        Agreement,
        Agreement.objects.filter(agenda=agenda),
        slug=lambda a: f"{a.slug}-kopie"[:100],
        order=lambda a: a.order + 10_000,
    )
    for name in ("partners", "other_portfolios"):
        copy_links(Agreement, name, agreements)
    _children(Milestone, "agreement", agreements)
    _children(ProgressUpdate, "agreement", agreements)
    itself = {agreement.pk: agreement}
    _children(Milestone, "agreement", itself)
    _children(ProgressUpdate, "agreement", itself)

    # Proposals with their years, participants and decisions; the measured proposal's
    # participants each get one more (later) decision.
    proposals = copy_rows(
        Proposal,
        Proposal.objects.filter(portfolio__association=association),
        title=lambda p: f"{p.title} (kopie)"[:250],
    )
    copy_links(Proposal, "agreements", proposals)
    _children(ProposalYear, "proposal", proposals)
    participants = _children(Participant, "proposal", proposals)
    _children(ExecutiveDecision, "participant", participants)
    later = ExecutiveDecision.objects.filter(participant__proposal=proposal)
    copy_rows(ExecutiveDecision, later, remark="Opnieuw besloten", recorded_by=bureau)
    Proposal.agreements.through.objects.bulk_create(
        [
            Proposal.agreements.through(proposal_id=proposal.pk, agreement_id=pk)
            for pk in list(agreements)[:10]
        ],
        ignore_conflicts=True,
    )

    # Meetings with everything on them; the measured meeting gets more items.
    meetings = copy_rows(
        Meeting,
        Meeting.objects.filter(body__association=association),
        uid=lambda m: uuid.uuid4(),
        prepares=None,
    )
    items = _children(AgendaItem, "meeting", meetings)
    copy_links(AgendaItem, "agreements", items)
    _children(
        Outcome,
        "item",
        items,
        number=lambda o: None if o.number is None else o.number + 1000,
        reference=lambda o: f"{o.reference}-k" if o.reference else "",
    )
    _children(Invitation, "meeting", meetings)
    _children(Minutes, "meeting", meetings)
    Action.objects.bulk_create(
        [
            Action(
                body=action.body,
                meeting=meetings[action.meeting_id],
                item=items.get(action.item_id),
                title=action.title,
                owner=action.owner,
                due_on=action.due_on,
                status=action.status,
                created_on=action.created_on,
                closed_on=action.closed_on,
                closing_note=action.closing_note,
            )
            for action in Action.objects.filter(meeting_id__in=list(meetings))
        ]
    )
    own = copy_rows(
        AgendaItem,
        AgendaItem.objects.filter(meeting=meeting).order_by("order"),
        order=lambda i: i.order + 100,
        title=lambda i: f"{i.title} (vervolg)"[:250],
    )
    copy_links(AgendaItem, "agreements", own)
    _documents(own.values(), bureau)

    # Projects (the contributions page has a column per project year).
    projects = copy_rows(
        Project,
        Project.objects.filter(association=association),
        slug=lambda p: f"{p.slug}-kopie"[:80],
        name=lambda p: f"{p.name} (kopie)",
    )
    for name in ("commissioners", "other_funders"):
        copy_links(Project, name, projects)
    years = _children(ProjectYear, "project", projects)
    _children(ProjectFunder, "project_year", years)

    # Hours: a second set of commitments, and realised hours where a member had none.
    copy_rows(
        StaffCommitment,
        StaffCommitment.objects.filter(agenda=agenda),
        label=lambda c: f"{c.label} (extra)"[:200],
    )
    _realised_hours_filled(association, bureau)

    follow(
        bureau,
        association,
        [agreement.pk, *[a.pk for a in list(agreements.values())[:40]]],
        [p.pk for p in proposals.values()],
        Portfolio.objects.filter(association=association).values_list("pk", flat=True),
    )


def sizes(association, agenda: Agenda, meeting: Meeting) -> dict[str, int]:
    """What the growth is meant to double, to check it did."""
    return {
        "agreements": Agreement.objects.filter(agenda=agenda).count(),
        "updates": ProgressUpdate.objects.filter(agreement__agenda=agenda).count(),
        "proposals": Proposal.objects.filter(portfolio__association=association).count(),
        "decisions": ExecutiveDecision.objects.filter(
            participant__proposal__portfolio__association=association
        ).count(),
        "meetings": Meeting.objects.filter(body__association=association).count(),
        "outcomes": Outcome.objects.filter(item__meeting__body__association=association).count(),
        "items of the meeting": meeting.items.count(),
        "project years": ProjectYear.objects.filter(project__association=association).count(),
        "commitments": StaffCommitment.objects.filter(agenda=agenda).count(),
    }


def _realised_hours_filled(association, bureau: User) -> None:
    """Every member, portfolio and quarter of the years with hours gets a row."""
    rows = RealisedHours.objects.filter(association=association, portfolio__isnull=False)
    taken = set(rows.values_list("organisation_id", "portfolio_id", "year", "quarter"))
    years = sorted({year for _o, _p, year, _q in taken})
    portfolios = list(Portfolio.objects.filter(association=association))
    RealisedHours.objects.bulk_create(
        [
            RealisedHours(
                association=association,
                organisation=organisation,
                portfolio=portfolio,
                year=year,
                quarter=quarter,
                hours=Decimal("12.5"),
                entered_by=bureau,
                is_demo=True,
            )
            for organisation in members(association)
            for portfolio in portfolios
            for year in years
            for quarter in (1, 2, 3, 4)
            if (organisation.pk, portfolio.pk, year, quarter) not in taken
        ],
        batch_size=BATCH,
    )
