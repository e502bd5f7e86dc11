"""Who may use a page: every view declares its rule, and the rules that depend on what is posted."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.meetings.constants import ItemKind, OutcomeKind
from samenspel.meetings.tests.factories import AgendaItemFactory, MeetingFactory, aware
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(portfolio):
    body = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio)
    return MeetingFactory(body=body, starts_at=aware(dt.date(2024, 3, 14)))


def test_every_meetings_view_declares_its_rule():
    from samenspel.meetings.urls import urlpatterns

    assert [p.name for p in urlpatterns if not hasattr(p.callback, "permission")] == []


def test_chair_records_a_pho_decision_on_a_proposal(client, make_user, meeting, portfolio):
    from samenspel.decisions.tests.factories import ProposalFactory

    proposal = ProposalFactory(portfolio=portfolio)
    item = AgendaItemFactory(meeting=meeting, proposal=proposal, kind=ItemKind.DECISION)
    client.force_login(make_user("portfolio_chair", portfolio=portfolio))
    url = reverse("meetings:outcome_add", args=[item.pk])
    data = {"kind": OutcomeKind.DECISION, "text": "Positief advies", "pho_outcome": "positive"}
    assert client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.pho_decided_on == meeting.date
