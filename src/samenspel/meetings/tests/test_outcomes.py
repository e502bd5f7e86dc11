"""Outcomes: numbered decisions, the PHO decision on a proposal, progress on agreements."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samenspel.agenda.constants import Status
from samenspel.agenda.tests.factories import AgreementFactory
from samenspel.decisions.constants import PhoOutcome, Stage
from samenspel.decisions.models import Proposal
from samenspel.meetings.constants import OutcomeKind
from samenspel.meetings.outcomes import outcome_record
from samenspel.meetings.tests.factories import AgendaItemFactory, MeetingFactory, aware
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def _decide(item, user, **kw):
    return outcome_record(item=item, kind=OutcomeKind.DECISION, text="Ingestemd.", user=user, **kw)


def test_decisions_are_numbered_per_body_per_year(bureau_user):
    pho = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, short_name="PHO G&W")
    other = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, short_name="PHO Sport")
    march = MeetingFactory(body=pho, starts_at=aware(dt.date(2024, 3, 14)))
    june = MeetingFactory(body=pho, starts_at=aware(dt.date(2024, 6, 13)))
    next_year = MeetingFactory(body=pho, starts_at=aware(dt.date(2025, 2, 6)))
    sport = MeetingFactory(body=other, starts_at=aware(dt.date(2024, 3, 14)))

    refs = [
        _decide(AgendaItemFactory(meeting=m), bureau_user).reference
        for m in (march, march, june, sport, next_year)
    ]
    assert refs == [
        "PHO G&W 2024-01",
        "PHO G&W 2024-02",
        "PHO G&W 2024-03",
        "PHO Sport 2024-01",
        "PHO G&W 2025-01",
    ]
    noted = outcome_record(
        item=AgendaItemFactory(meeting=june), kind=OutcomeKind.NOTED, text="Gezien.", user=None
    )
    assert noted.number is None and noted.reference == ""


def test_one_outcome_per_item_and_none_in_backlog(bureau_user):
    item = AgendaItemFactory()
    _decide(item, bureau_user)
    with pytest.raises(ValidationError):
        _decide(item, bureau_user)
    with pytest.raises(ValidationError):
        _decide(AgendaItemFactory(parked=True), bureau_user)


def _proposal(portfolio, **kw):
    return Proposal.objects.create(
        title="Regionale aanpak valpreventie",
        portfolio=portfolio,
        subject="Valpreventie",
        decision_points="In te stemmen met de aanpak.",
        created_on=dt.date(2024, 1, 10),
        stage=Stage.DRAFT,
        **kw,
    )


def test_pho_decision_on_a_proposal_reaches_the_proposal(portfolio, bureau_user):
    pho = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio, short_name="PHO G&W")
    proposal = _proposal(portfolio, affects_money=True)
    meeting = MeetingFactory(body=pho, starts_at=aware(dt.date(2024, 9, 12)))
    item = AgendaItemFactory(meeting=meeting, proposal=proposal, decision=True)

    with pytest.raises(ValidationError):
        _decide(item, bureau_user)  # which PHO decision must be said
    outcome = _decide(item, bureau_user, pho_outcome=PhoOutcome.POSITIVE)

    proposal.refresh_from_db()
    assert proposal.pho_outcome == PhoOutcome.POSITIVE
    assert proposal.pho_decided_on == dt.date(2024, 9, 12)
    assert proposal.pho_reference == outcome.reference == "PHO G&W 2024-01"
    assert proposal.stage == Stage.PHO  # money: the executives decide next


def test_a_decision_about_an_agreement_adds_a_progress_update(bureau_user):
    agreement = AgreementFactory()
    item = AgendaItemFactory(title="Regiobeeld")
    item.agreements.add(agreement)
    outcome = outcome_record(
        item=item,
        kind=OutcomeKind.DECISION,
        text="Regiobeeld vastgesteld.",
        progress_status=Status.ON_TRACK,
        user=bureau_user,
    )
    update = agreement.updates.get()
    assert update.status == Status.ON_TRACK
    assert update.date == item.meeting.date
    assert outcome.reference in update.text and "Regiobeeld vastgesteld." in update.text
