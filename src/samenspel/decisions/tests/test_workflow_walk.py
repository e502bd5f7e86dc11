"""The proposal's process cannot be broken: in every state, the page offers exactly the
steps the rules allow, every offered step succeeds and every other step is refused with
its Dutch reason and changes nothing (issue 19).

Walked as the bureau, as the portfolio's chair (who may not send without the PHO) and
as a reader (who may take no step at all).
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.urls import reverse

from samenspel.decisions import workflow
from samenspel.decisions.constants import Stage
from samenspel.decisions.models import Proposal
from samenspel.decisions.tests.factories import (
    ExecutiveDecisionFactory,
    ParticipantFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

STEPS = ("edit", "pho", "send", "send_without_pho", "coalition", "withdraw")
URLS = {
    "edit": "decisions:edit",
    "pho": "decisions:pho",
    "send": "decisions:send",
    "send_without_pho": "decisions:send",
    "coalition": "decisions:coalition",
    "withdraw": "decisions:withdraw",
}
DATA = {
    "pho": {"decided_on": "2024-02-20", "outcome": "amended"},
    "send": {"sent_on": "2024-03-01", "deadline": "2024-06-01"},
    "send_without_pho": {
        "sent_on": "2024-03-01",
        "deadline": "2024-06-01",
        "without_pho_reason": "Spoed: de subsidie vervalt op 1 april.",
    },
    "coalition": {"confirmed_on": "2024-06-10", "note": "Westerveld betaalt niets."},
    "withdraw": {"withdrawn_on": "2024-06-10", "confirm": "on"},
}
PHO = {"pho_decided_on": dt.date(2024, 2, 15)}
STATES = {
    # name: (proposal fields, amount asked in 2024, decisions of the members)
    "draft, staff only": ({"affects_money": False, "affects_staff": True}, None, None),
    "draft, no consequences": ({"affects_money": False}, None, None),
    "draft, money": ({}, Decimal("100000.00"), None),
    "pho postponed, money": ({"stage": Stage.PHO, "pho_outcome": "postponed", **PHO}, 1, None),
    "pho negative, money": ({"stage": Stage.PHO, "pho_outcome": "negative", **PHO}, 1, None),
    "pho positive, money": ({"stage": Stage.PHO, "pho_outcome": "positive", **PHO}, 1, None),
    "sent": ({"sent": True}, 1, None),
    "sent, coalition to confirm": ({"sent": True}, 1, "westerveld"),
    "closed": ({"sent": True, "stage": Stage.CLOSED, "closed_on": dt.date(2024, 5, 1)}, 1, None),
    "withdrawn": ({"stage": Stage.WITHDRAWN, "withdrawn_on": dt.date(2024, 2, 1)}, 1, None),
}
# What each step leaves behind when it succeeds.
DONE = {
    "edit": lambda p: p.title == "Nieuwe titel",
    "pho": lambda p: p.pho_outcome == "amended",
    "send": lambda p: p.stage == Stage.SENT and not p.sent_without_pho_reason,
    "send_without_pho": lambda p: p.stage == Stage.SENT and "Spoed" in p.sent_without_pho_reason,
    "coalition": lambda p: p.stage == Stage.CLOSED and p.coalition_confirmed_on,
    "withdraw": lambda p: p.stage == Stage.WITHDRAWN,
}


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"


@pytest.fixture
def make(members):
    def make(state: str) -> Proposal:
        fields, amount, rejecting = STATES[state]
        proposal = ProposalFactory(**fields)
        if amount:
            proposal.years.create(year=2024, amount=Decimal(amount))
        for organisation in members:
            participant = ParticipantFactory(proposal=proposal, organisation=organisation)
            if rejecting:
                outcome = "rejected" if organisation.slug == rejecting else "agreed"
                ExecutiveDecisionFactory(participant=participant, outcome=outcome)
        return proposal

    return make


def snapshot(proposal: Proposal) -> tuple:
    proposal = Proposal.objects.get(pk=proposal.pk)
    return (proposal.version, proposal.stage, proposal.title, proposal.pho_outcome)


def edit_data(client, proposal: Proposal) -> dict:
    form = client.get(reverse("decisions:edit", args=[proposal.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "agreements"}
    data["participant_organisations"] = [p.organisation_id for p in proposal.participants.all()]
    data["portfolio"] = proposal.portfolio_id
    return {**data, "title": "Nieuwe titel"}


def post(client, name: str, proposal: Proposal, *, offered: bool = False):
    """Post the step's form with valid data (the edit form as the page fills it)."""
    url = reverse(URLS[name], args=[proposal.pk])
    if name == "edit":
        data = edit_data(client, proposal) if offered else {"title": "Nieuwe titel"}
    else:
        data = DATA[name]
    return client.post(url, data, follow=True)


def expected_refusal(name: str, proposal: Proposal, user) -> str:
    """The reason the page gives for a step it does not offer (or the rules, when the
    page does not list it in this stage)."""
    step = workflow.steps_for(proposal, user).get(name)
    if step is not None:
        return step.reason
    from samenspel.decisions.selectors import proposal_state, proposals_with_states

    state = proposal_state(proposals_with_states().get(pk=proposal.pk))
    return {
        "edit": workflow.edit_refusal(proposal),
        "pho": workflow.pho_refusal(proposal),
        "send": workflow.send_refusal(proposal),
        "send_without_pho": workflow.send_refusal(proposal),
        "coalition": workflow.coalition_refusal(state),
        "withdraw": workflow.withdraw_refusal(proposal),
    }[name] or ""


def walk(client, make, state: str, user) -> list[str]:
    """Every step in `state` for `user`: offered ones succeed, others are refused."""
    client.force_login(user)
    proposal = make(state)
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200
    content = html.unescape(page.content.decode())
    steps = page.context["steps"]
    offered = [s.name for s in steps.available]
    for step in steps:
        assert step.label in content
        assert (step.reason in content) if step.reason else (f'href="{step.url}"' in content)
    if steps.done:
        assert steps.done in content
    for name in STEPS:
        proposal = make(state)
        if name in offered:
            assert client.get(reverse(URLS[name], args=[proposal.pk])).status_code == 200
            response = post(client, name, proposal, offered=True)
            assert response.status_code == 200, (state, name)
            proposal.refresh_from_db()
            assert DONE[name](proposal), (state, name)
            continue
        send = steps.get("send")
        if name == "send_without_pho" and send and send.available:
            continue  # the same form as sending; without the PHO rule it asks no reason
        before = snapshot(proposal)
        reason = expected_refusal(name, proposal, user)
        response = post(client, name, proposal)
        assert response.status_code == 200, (state, name)
        assert reason and reason in html.unescape(response.content.decode()), (state, name)
        assert snapshot(proposal) == before, (state, name)
    return offered


OFFERED_TO_THE_BUREAU = {
    "draft, staff only": ["edit", "pho", "send", "withdraw"],
    "draft, no consequences": ["edit", "pho", "withdraw"],
    "draft, money": ["edit", "pho", "send_without_pho", "withdraw"],
    "pho postponed, money": ["edit", "pho", "send_without_pho", "withdraw"],
    "pho negative, money": ["edit", "pho", "send_without_pho", "withdraw"],
    "pho positive, money": ["edit", "pho", "send", "withdraw"],
    "sent": ["withdraw"],
    "sent, coalition to confirm": ["coalition", "withdraw"],
    "closed": [],
    "withdrawn": [],
}


@pytest.mark.parametrize("state", STATES)
def test_the_bureau_is_offered_exactly_the_allowed_steps(client, make, bureau_user, state):
    assert walk(client, make, state, bureau_user) == OFFERED_TO_THE_BUREAU[state]


@pytest.mark.parametrize("state", ["draft, money", "pho postponed, money", "sent"])
def test_the_chair_may_not_send_money_without_the_pho(client, make, make_user, state):
    proposal = make(state)
    chair = make_user("portfolio_chair", portfolio=proposal.portfolio)
    client.force_login(chair)
    steps = workflow.steps_for(proposal, chair)
    offered = [s.name for s in steps.available]
    assert "send_without_pho" not in offered and "coalition" not in offered
    if state != "sent":
        assert steps.get("send_without_pho").reason == str(workflow.ONLY_BUREAU_WITHOUT_PHO)
        response = post(client, "send_without_pho", proposal)
        assert str(workflow.ONLY_BUREAU_WITHOUT_PHO) in html.unescape(response.content.decode())
        proposal.refresh_from_db()
        assert proposal.stage != Stage.SENT


@pytest.mark.parametrize("state", ["draft, money", "sent, coalition to confirm"])
def test_a_reader_takes_no_step(client, make, reader_user, state):
    client.force_login(reader_user)
    proposal = make(state)
    before = snapshot(proposal)
    page = client.get(proposal.get_absolute_url())
    assert page.context["steps"] is None
    for name in STEPS:
        url = reverse(URLS[name], args=[proposal.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, DATA.get(name, {})).status_code == 403
    assert snapshot(proposal) == before


def test_sending_without_the_pho_keeps_the_reason_on_the_page_and_in_history(
    client, make, bureau_user
):
    client.force_login(bureau_user)
    proposal = make("draft, money")
    form = client.get(reverse("decisions:send", args=[proposal.pk]))
    assert "Eerst het PHO-besluit vastleggen" in html.unescape(form.content.decode())
    empty = client.post(reverse("decisions:send", args=[proposal.pk]), DATA["send"])
    assert "without_pho_reason" in empty.context["form"].errors
    post(client, "send_without_pho", proposal)
    page = html.unescape(client.get(proposal.get_absolute_url()).content.decode())
    assert "Zonder PHO-besluit verstuurd, omdat:" in page
    assert "Verstuurd naar de colleges zonder PHO-besluit: Spoed" in page
    assert proposal.history.first().sent_without_pho_reason.startswith("Spoed")
