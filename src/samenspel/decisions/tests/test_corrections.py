"""Correcting a recorded executive decision: who may when, the reason, the rules of
recording, the proposal's result that follows, the history and past reports that keep
the original; the decision form beside what is decided on, with errors at their fields."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.corrections import can_correct_decision
from samenspel.core.versioning import EditConflict
from samenspel.decisions import services
from samenspel.decisions.constants import Result, Stage
from samenspel.decisions.corrections import decision_version, executive_decision_correct
from samenspel.decisions.models import ExecutiveDecision
from samenspel.decisions.selectors import proposal_state, proposals_with_states
from samenspel.decisions.tests.conftest import participant_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"
    settings.SAMENSPEL_CORRECTION_DAYS = 30


@pytest.fixture
def holder(make_user, members):
    """The account holder of Assen."""
    return make_user("account_holder", organisation=members[0])


def decide(proposal, slug, outcome="agreed", on=dt.date(2024, 4, 1)):
    return services.executive_decision_record(
        participant=participant_of(proposal, slug), decided_on=on, outcome=outcome, user=None
    )


def correct(decision, user, **changes):
    values = {
        "decided_on": decision.decided_on,
        "outcome": decision.outcome,
        "reason": "Verkeerd overgenomen",
        **changes,
    }
    return executive_decision_correct(
        decision=ExecutiveDecision.objects.get(pk=decision.pk),
        user=user,
        expected_version=decision_version(decision),
        **values,
    )


def result_of(proposal):
    return proposal_state(proposals_with_states().get(pk=proposal.pk), on=dt.date.max).result


def test_the_holder_corrects_while_sent_and_the_history_keeps_the_original(
    sent_proposal, holder, make_user, members
):
    decision = decide(sent_proposal, "assen", outcome="postponed")
    other_holder = make_user("account_holder", organisation=members[1])
    assert not can_correct_decision(other_holder, decision)
    corrected = correct(decision, holder, outcome="rejected", reference="B&W 2024/7")
    assert (corrected.outcome, corrected.reference) == ("rejected", "B&W 2024/7")
    latest, original = corrected.history.order_by("-history_id")[:2]
    assert original.outcome == "postponed"
    assert latest.history_change_reason == "Verkeerd overgenomen"
    assert latest.history_user == holder
    with pytest.raises(ValidationError) as error:
        correct(corrected, holder, reason=" ")
    assert "reason" in error.value.error_dict


def test_a_correction_follows_the_rules_of_recording_each_on_its_field(sent_proposal, holder):
    decision = decide(sent_proposal, "assen")
    for changes, field in [
        ({"decided_on": dt.date(2024, 7, 2)}, "decided_on"),  # in the future
        ({"decided_on": dt.date(2024, 2, 1)}, "decided_on"),  # before sending
        ({"outcome": "maybe"}, "outcome"),
        ({"document": SimpleUploadedFile("b.pdf", b"MZ")}, "document"),
    ]:
        with pytest.raises(ValidationError) as error:
            correct(decision, holder, **changes)
        assert field in error.value.error_dict


def test_a_stale_correction_is_a_conflict(sent_proposal, holder, bureau_user):
    decision = decide(sent_proposal, "assen")
    opened = decision_version(decision)
    correct(decision, bureau_user, reference="Eerst")
    with pytest.raises(EditConflict):
        executive_decision_correct(
            decision=decision,
            user=holder,
            expected_version=opened,
            reason="x",
            decided_on=decision.decided_on,
            outcome="agreed",
            reference="Daarna",
        )
    decision.refresh_from_db()
    assert decision.reference == "Eerst"


def test_the_result_is_recomputed_and_a_closed_proposal_stays_decided(
    sent_proposal, holder, bureau_user
):
    for slug in ("emmen", "meppel", "tynaarlo", "westerveld"):
        decide(sent_proposal, slug)
    assen = decide(sent_proposal, "assen", outcome="postponed")
    assert result_of(sent_proposal) == Result.PENDING
    correct(assen, holder, outcome="agreed", decided_on=dt.date(2024, 4, 3))
    sent_proposal.refresh_from_db()
    assert sent_proposal.stage == Stage.CLOSED and sent_proposal.closed_on == dt.date(2024, 4, 3)
    assert result_of(sent_proposal) == Result.ADOPTED_BY_ALL

    assen.refresh_from_db()
    with pytest.raises(PermissionDenied):  # closed: only the bureau
        correct(assen, holder, decided_on=dt.date(2024, 4, 2))
    with pytest.raises(ValidationError, match="niet weer open"):
        correct(assen, bureau_user, outcome="postponed")
    correct(assen, bureau_user, decided_on=dt.date(2024, 4, 2))
    sent_proposal.refresh_from_db()
    assert sent_proposal.closed_on == dt.date(2024, 4, 2)  # the closing date follows

    ExecutiveDecision.objects.filter(pk=assen.pk).update(
        recorded_at=timezone.now() - dt.timedelta(days=31)
    )
    assen.refresh_from_db()
    assert not can_correct_decision(bureau_user, assen)  # after the period


def test_a_report_as_of_an_earlier_date_shows_the_decision_as_recorded_then(sent_proposal, holder):
    from samenspel.reports import parts

    decision = decide(sent_proposal, "assen", outcome="postponed")
    decision.history.update(history_date=timezone.make_aware(dt.datetime(2024, 4, 2, 10)))
    correct(decision, holder, outcome="rejected")
    association = sent_proposal.portfolio.association

    def outcome(as_of):
        [state] = parts.proposals(association=association, as_of=as_of)
        return next(p.outcome for p in state.participants if p.organisation.slug == "assen")

    assert outcome(dt.date(2024, 4, 30)) == "postponed"
    assert outcome(timezone.localdate()) == "rejected"


# --- the pages ---------------------------------------------------------------------------


def correct_url(decision):
    return reverse(
        "decisions:decision_correct", args=[decision.participant.proposal_id, decision.pk]
    )


def test_who_may_open_the_correction_page(
    client, sent_proposal, holder, make_user, members, bureau_user, reader_user
):
    decision = decide(sent_proposal, "assen")
    other_holder = make_user("account_holder", organisation=members[1])
    for user, expected in [
        (holder, 200),
        (other_holder, 403),
        (reader_user, 403),
        (bureau_user, 200),
    ]:
        client.force_login(user)
        assert client.get(correct_url(decision)).status_code == expected
    client.force_login(holder)
    detail = client.get(sent_proposal.get_absolute_url()).content.decode()
    assert correct_url(decision) in detail


def test_the_holder_corrects_through_the_page(client, sent_proposal, holder):
    decision = decide(sent_proposal, "assen")
    client.force_login(holder)
    form = client.get(correct_url(decision)).context["form"]
    data = {**form.initial, "decided_on": "2024-04-05", "outcome": "amended"}
    refused = client.post(correct_url(decision), data)
    assert "reason" in refused.context["form"].errors
    response = client.post(correct_url(decision), {**data, "reason": "Datum verkeerd"})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert (decision.decided_on, decision.outcome) == (dt.date(2024, 4, 5), "amended")


def test_another_associations_decision_is_not_found(client, bureau_user, members):
    from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
    from samenspel.organisations.models import Association
    from samenspel.organisations.tests.factories import PortfolioFactory

    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    proposal = ProposalFactory(sent=True, portfolio=PortfolioFactory(association=other))
    participant = ParticipantFactory(proposal=proposal, organisation=members[0])
    decision = ExecutiveDecision.objects.create(
        participant=participant, decided_on=dt.date(2024, 4, 1), outcome="agreed"
    )
    client.force_login(bureau_user)
    assert client.get(correct_url(decision)).status_code == 404
    assert client.post(correct_url(decision), {"reason": "x"}).status_code == 404


def test_the_decision_form_shows_what_is_decided_on(client, sent_proposal, holder):
    client.force_login(holder)
    url = reverse(
        "decisions:decide", args=[sent_proposal.pk, participant_of(sent_proposal, "assen").pk]
    )
    page = client.get(url)
    html = page.content.decode()
    assert "1 juni 2024" in html  # the deadline
    assert "In te stemmen met de aanpak." in html  # a decision point
    share = page.context["share"]
    assert share.organisation.slug == "assen" and share.total > 0
    assert f"2024: {_euro(share.total)}" in html


def _euro(amount):
    from samenspel.web.templatetags.samenspel import euro

    return euro(amount)


def test_errors_stand_at_their_fields_and_a_chosen_file_is_asked_for_again(
    client, sent_proposal, holder
):
    client.force_login(holder)
    url = reverse(
        "decisions:decide", args=[sent_proposal.pk, participant_of(sent_proposal, "assen").pk]
    )
    document = SimpleUploadedFile(
        "besluit.pdf", b"%PDF-1.7 besluit", content_type="application/pdf"
    )
    response = client.post(
        url, {"decided_on": "2030-01-01", "outcome": "agreed", "document": document}
    )
    errors = response.context["form"].errors
    assert errors["decided_on"] == ["De besluitdatum ligt in de toekomst."]
    assert "Kies het bestand opnieuw" in errors["document"][0]
    assert "besluit.pdf" in errors["document"][0]
    assert not response.context["form"].non_field_errors()
    html = response.content.decode()
    assert 'id="id_decided_on_error"' in html and 'id="id_document_error"' in html
    again = SimpleUploadedFile("besluit.pdf", b"%PDF-1.7 besluit", content_type="application/pdf")
    missing = client.post(url, {"outcome": "agreed", "document": again}).context["form"]
    assert (
        "decided_on" in missing.errors
        and "Kies het bestand opnieuw" in missing.errors["document"][0]
    )
    assert not ExecutiveDecision.objects.exists()
