"""sendreminders: the right people, the right items, once a day."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from samenspel.decisions.models import ExecutiveDecision
from samenspel.decisions.tests.conftest import participant_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-05-25"


@pytest.fixture
def holders(make_user, members):
    by_slug = {m.slug: m for m in members}
    return {
        "assen": make_user("account_holder", organisation=by_slug["assen"]),
        "emmen": make_user("account_holder", organisation=by_slug["emmen"]),
    }


def run(*args) -> str:
    out = StringIO()
    call_command("sendreminders", *args, stdout=out)
    return out.getvalue()


def test_each_account_holder_gets_their_own_pending_decisions(holders, sent_proposal):
    ExecutiveDecision.objects.create(
        participant=participant_of(sent_proposal, "assen"),
        decided_on=dt.date(2024, 4, 1),
        outcome="agreed",
    )
    output = run("--days", "14")
    assert "Herinneringen verstuurd: 1." in output
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [holders["emmen"].email]
    assert "Gemeente Emmen" in message.subject
    assert sent_proposal.title in message.body
    assert f"/voorstellen/{sent_proposal.pk}/deelnemers/" in message.body


def test_decisions_due_later_than_the_window_wait(holders, sent_proposal):
    run("--days", "3")  # deadline 1 June is 7 days after 25 May
    assert mail.outbox == []


def test_overdue_decisions_are_always_reminded(holders, sent_proposal, settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"
    run("--days", "0")
    assert len(mail.outbox) == 2
    assert "over tijd" in mail.outbox[0].body


def test_a_second_run_on_the_same_day_sends_nothing_new(holders, sent_proposal):
    run()
    first = len(mail.outbox)
    output = run()
    assert first == 2
    assert len(mail.outbox) == first
    assert "Vandaag al herinnerd (overgeslagen): 2." in output


def test_the_next_day_reminds_again(holders, sent_proposal, settings):
    run()
    settings.SAMENSPEL_TODAY = "2024-05-26"
    run()
    assert len(mail.outbox) == 4


def test_dry_run_prints_and_sends_nothing(holders, sent_proposal):
    output = run("--dry-run")
    assert mail.outbox == []
    assert f"Aan: {holders['emmen'].email}" in output
    assert sent_proposal.title in output
    run()
    assert len(mail.outbox) == 2  # the dry run recorded nothing


def test_a_holder_without_email_is_named(holders, sent_proposal):
    holders["emmen"].email = ""
    holders["emmen"].save()
    output = run()
    assert f"Geen e-mailadres voor {holders['emmen'].username}" in output


def test_reminders_are_per_association(holders, sent_proposal, settings):
    from django.core.management.base import CommandError

    from samenspel.organisations.models import Association

    settings.SAMENSPEL_TODAY = "2024-07-01"
    Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    assert "Herinneringen verstuurd: 0." in run("--days", "0", "--association", "elders")
    assert mail.outbox == []
    own = sent_proposal.portfolio.association.slug
    assert "Herinneringen verstuurd: 2." in run("--days", "0", "--association", own)
    with pytest.raises(CommandError, match="Onbekend samenwerkingsverband"):
        run("--association", "nergens")
