"""The evaluation round cannot be broken: open, the bureau may close it (after "Weet je het
zeker?"); closed, every judgement is refused with the reason and the bureau may reopen
it; nobody else may do either (issue 19)."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse

from samenspel.agenda.tests.factories import AgreementFactory
from samenspel.organisations.tests.factories import PortfolioFactory
from samenspel.reports import workflow
from samenspel.reports.constants import RoundStatus
from samenspel.reports.models import EvaluationRound, Judgement
from samenspel.reports.services import evaluation_round_create

pytestmark = pytest.mark.django_db
JUDGEMENT = {"verdict": "partly", "explanation": "Half af.", "lessons": ""}
OFFERED = {RoundStatus.OPEN: [RoundStatus.CLOSED], RoundStatus.CLOSED: [RoundStatus.OPEN]}


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2025-12-01"


@pytest.fixture
def make():
    portfolio = PortfolioFactory()
    agreement = AgreementFactory(portfolio=portfolio)

    def make(status: str) -> EvaluationRound:
        evaluation_round = evaluation_round_create(
            agenda=agreement.agenda,
            name=f"Evaluatie {EvaluationRound.objects.count()}",
            starts_on=dt.date(2025, 7, 1),
            ends_on=dt.date(2025, 12, 31),
        )
        if status == RoundStatus.CLOSED:
            EvaluationRound.objects.filter(pk=evaluation_round.pk).update(
                status=status, closed_on=dt.date(2025, 11, 1)
            )
            evaluation_round.refresh_from_db()
        return evaluation_round

    make.agreement = agreement
    make.portfolio = portfolio
    return make


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("status", RoundStatus.values)
def test_the_bureau_walks_every_status(client, bureau_user, make, status):
    client.force_login(bureau_user)
    page = client.get(make(status).get_absolute_url())
    steps = page.context["steps"]
    assert [s.name for s in steps.available] == OFFERED[status]
    for target in RoundStatus.values:
        evaluation_round = make(status)
        url = reverse("reports:evaluation_status", args=[evaluation_round.pk])
        if target in OFFERED[status]:
            question = text(client.get(url, {"status": target}))
            assert evaluation_round.name in question and 'name="status"' in question
            client.post(url, {"status": target})
            evaluation_round.refresh_from_db()
            assert evaluation_round.status == target
            assert (evaluation_round.closed_on is not None) == (target == RoundStatus.CLOSED)
            continue
        reason = workflow.status_refusal(evaluation_round, target)
        for method in (client.get, client.post):
            assert reason in text(method(url, {"status": target}, follow=True))
        evaluation_round.refresh_from_db()
        assert evaluation_round.status == status
    # Judging: possible while open, refused with the reason once closed.
    evaluation_round = make(status)
    url = reverse("reports:judgement", args=[evaluation_round.pk, "afspraak", make.agreement.pk])
    response = client.post(url, JUDGEMENT, follow=True)
    judged = Judgement.objects.filter(round=evaluation_round).exists()
    assert judged == (status == RoundStatus.OPEN)
    if status == RoundStatus.CLOSED:
        assert workflow.judge_refusal(evaluation_round) in text(response)
        portfolio_page = client.get(
            reverse("reports:evaluation_portfolio", args=[evaluation_round.pk, make.portfolio.slug])
        )
        assert "afgesloten op 01-11-2025" in text(portfolio_page)
        assert url not in text(portfolio_page)


def test_closing_asks_with_what_is_still_unjudged_and_can_be_undone(client, bureau_user, make):
    client.force_login(bureau_user)
    evaluation_round = make(RoundStatus.OPEN)
    url = reverse("reports:evaluation_status", args=[evaluation_round.pk])
    question = text(client.get(url, {"status": "closed"}))
    assert "Weet je zeker dat je" in question and "Nog zonder oordeel: 1" in question
    done = text(client.post(url, {"status": "closed"}, follow=True))
    assert "Heropenen kan op deze pagina" in done
    client.post(url, {"status": "open"})
    evaluation_round.refresh_from_db()
    assert evaluation_round.status == RoundStatus.OPEN and evaluation_round.closed_on is None


def test_a_chair_may_judge_but_not_close(client, make_user, make):
    evaluation_round = make(RoundStatus.OPEN)
    client.force_login(make_user("portfolio_chair", portfolio=make.portfolio))
    page = client.get(evaluation_round.get_absolute_url())
    assert page.context["steps"] is None
    url = reverse("reports:evaluation_status", args=[evaluation_round.pk])
    assert client.get(url, {"status": "closed"}).status_code == 403
    assert client.post(url, {"status": "closed"}).status_code == 403
    evaluation_round.refresh_from_db()
    assert evaluation_round.status == RoundStatus.OPEN
