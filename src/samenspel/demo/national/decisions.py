"""One generated association's proposals: every stage, all governments taking part, and
the executives' decisions appended as the format describes (a postponement, then the
decision), up to the reference date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenspel.decisions.constants import DecisionOutcome, PhoOutcome, Stage
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal, ProposalYear
from samenspel.demo.national import text
from samenspel.demo.national.bulk import Progress, history, insert, insert_leaf, through
from samenspel.demo.national.structure import Built

PROPOSALS = 20  # per association: 49 of them make the national ~1,000
# stage, share of the proposals (adds up to PROPOSALS)
STAGES = [Stage.CLOSED] * 14 + [Stage.SENT] * 3 + [Stage.PHO, Stage.DRAFT, Stage.WITHDRAWN]


def proposals_create(built: Built, agreements: list, on: dt.date, progress: Progress) -> list:
    rng = built.rng
    proposals, chosen = [], []
    for n, stage in enumerate(STAGES):
        created = dt.date(2023, 2, 1) + dt.timedelta(
            days=rng.randint(0, (on - dt.date(2023, 2, 1)).days - 200)
        )
        pho = created + dt.timedelta(days=rng.randint(20, 50))
        sent = pho + dt.timedelta(days=rng.randint(7, 21))
        subject = f"{text.title(rng)}: {text.paragraph(rng, 1)}"
        points = "\n".join(f"In te stemmen met {text.title(rng).lower()}." for _ in range(3))
        proposal = Proposal(
            title=text.title(rng),
            portfolio=rng.choice(built.portfolios),
            proposer=built.bureau_people[1],
            subject=subject,
            decision_points=points,
            introduction=text.long_text(rng, 2),
            intended_effect=text.paragraph(rng, 3),
            arguments=text.long_text(rng, 2),
            risks=text.paragraph(rng, 3),
            finance_text=text.paragraph(rng, 2),
            communication=text.paragraph(rng, 2),
            implementation=text.paragraph(rng, 2),
            affects_money=True,
            affects_local_policy=rng.random() < 0.5,
            affects_staff=rng.random() < 0.4,
            reference_date=dt.date(created.year, 1, 1),
            stage=stage,
            created_on=created,
            is_demo=True,
        )
        if stage != Stage.DRAFT:
            proposal.pho_decided_on, proposal.pho_outcome = pho, PhoOutcome.POSITIVE
            proposal.pho_reference = f"PHO-{pho.year}-{n + 1:02d}"
        if stage in (Stage.SENT, Stage.CLOSED):
            proposal.sent_on = sent
            proposal.decision_deadline = sent + dt.timedelta(days=90)
        if stage == Stage.SENT:  # still with the executives: sent recently
            proposal.sent_on = on - dt.timedelta(days=rng.randint(20, 120))
            proposal.pho_decided_on = proposal.sent_on - dt.timedelta(days=10)
            proposal.decision_deadline = proposal.sent_on + dt.timedelta(days=90)
        if stage == Stage.CLOSED:
            proposal.closed_on = min(on, sent + dt.timedelta(days=150))
        if stage == Stage.WITHDRAWN:
            proposal.withdrawn_on = pho + dt.timedelta(days=30)
        proposals.append(proposal)
        chosen.append(rng.sample(agreements, rng.randint(1, 3)))
    insert(Proposal, proposals, progress)
    history(Proposal, proposals, lambda p: p.created_on, progress)
    through(
        Proposal._meta.get_field("agreements"),
        [(p.pk, a.pk) for p, some in zip(proposals, chosen, strict=True) for a in some],
        progress,
    )
    years = [
        ProposalYear(proposal=p, year=y, amount=Decimal(rng.randint(10, 120) * 1000))
        for p in proposals
        for y in range(p.created_on.year + 1, min(2027, p.created_on.year + 3) + 1)
    ]
    insert_leaf(ProposalYear, years, progress)
    participants = [
        Participant(
            proposal=p,
            organisation=org,
            hours_per_year=Decimal(rng.choice([0, 8, 16, 40])),
            fixed_amount=Decimal(5000) if org.kind != "municipality" else None,
        )
        for p in proposals
        for org in built.governments
    ]
    insert(Participant, participants, progress)
    decisions = _decisions(built, participants, on)
    insert(ExecutiveDecision, decisions, progress)
    history(ExecutiveDecision, decisions, lambda d: d.decided_on, progress)
    return proposals


def _decisions(built: Built, participants: list, on: dt.date) -> list[ExecutiveDecision]:
    """All decided on a closed proposal (a quarter after a postponement); most on a sent one."""
    rng = built.rng
    decisions = []
    for participant in participants:
        proposal = participant.proposal
        if proposal.stage == Stage.CLOSED:
            day = proposal.sent_on + dt.timedelta(days=rng.randint(20, 80))
            if rng.random() < 0.25:
                decisions.append(_decision(participant, day, DecisionOutcome.POSTPONED, built))
                day += dt.timedelta(days=rng.randint(20, 50))
            outcome = DecisionOutcome.AGREED if rng.random() < 0.9 else DecisionOutcome.AMENDED
            decisions.append(_decision(participant, min(day, on), outcome, built))
        elif proposal.stage == Stage.SENT and rng.random() < 0.7:
            day = proposal.sent_on + dt.timedelta(days=rng.randint(5, 19))
            decisions.append(_decision(participant, min(day, on), DecisionOutcome.AGREED, built))
    return decisions


def _decision(participant, day, outcome, built) -> ExecutiveDecision:
    return ExecutiveDecision(
        participant=participant,
        decided_on=day,
        outcome=outcome,
        reference=f"B&W {day.year}/{built.rng.randint(100, 999)}",
        remark="Aangehouden in afwachting van de begroting."
        if outcome == DecisionOutcome.POSTPONED
        else "",
        recorded_by=built.users["bureau"],
        is_demo=True,
    )
