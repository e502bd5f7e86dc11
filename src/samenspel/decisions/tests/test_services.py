"""The process: PHO, sending, each executive's decision, coalitions, withdrawal."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from samenspel.core.versioning import EditConflict
from samenspel.decisions import services
from samenspel.decisions.constants import Result, Stage
from samenspel.decisions.models import ExecutiveDecision
from samenspel.decisions.selectors import pending_for, proposal_state, proposals_with_states
from samenspel.decisions.tests.conftest import participant_of
from samenspel.decisions.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"


def state(proposal, on=None):
    return proposal_state(proposals_with_states().get(pk=proposal.pk), on=on)


def decide(proposal, slug, outcome="agreed", on=dt.date(2024, 4, 1), **kw):
    return services.executive_decision_record(
        participant=participant_of(proposal, slug), decided_on=on, outcome=outcome, user=None, **kw
    )


def test_create_makes_a_draft_with_participants_hours_and_amounts(members, bureau_user):
    proposal = services.proposal_create(
        user=bureau_user,
        participants=members,
        years={2025: Decimal("5000.00"), 2026: Decimal("6000.00")},
        hours_per_year=Decimal("12"),
        title="Samen inkopen",
        portfolio=ProposalFactory().portfolio,
        subject="Inkoop",
        decision_points="Instemmen",
        affects_money=True,
    )
    assert proposal.stage == Stage.DRAFT
    assert proposal.participants.count() == 5
    assert set(proposal.participants.values_list("hours_per_year", flat=True)) == {Decimal("12")}
    assert dict(proposal.years.values_list("year", "amount")) == {
        2025: Decimal("5000.00"),
        2026: Decimal("6000.00"),
    }
    assert proposal.history.first().history_user == bureau_user


def test_create_needs_a_participant(db):
    with pytest.raises(ValidationError, match="ten minste één deelnemer"):
        services.proposal_create(
            user=None,
            participants=[],
            title="x",
            portfolio=ProposalFactory().portfolio,
            subject="x",
            decision_points="x",
        )


def test_pho_decision_is_only_preparatory_when_money_is_involved(db):
    proposal = ProposalFactory(affects_money=True)
    services.pho_decision_record(
        proposal=proposal,
        decided_on=dt.date(2024, 2, 1),
        outcome="positive",
        reference="PHO G&W 2024-03",
    )
    proposal.refresh_from_db()
    assert proposal.stage == Stage.PHO
    assert proposal.pho_reference == "PHO G&W 2024-03"
    assert state(proposal).result == Result.PENDING


def test_pho_decision_closes_a_proposal_without_consequences(db):
    proposal = ProposalFactory(affects_money=False)
    services.pho_decision_record(
        proposal=proposal, decided_on=dt.date(2024, 2, 1), outcome="positive"
    )
    proposal.refresh_from_db()
    assert proposal.stage == Stage.CLOSED
    assert proposal.closed_on == dt.date(2024, 2, 1)
    assert state(proposal).result == Result.CLOSED_BY_PHO


@pytest.mark.parametrize(
    ("flags", "needs"),
    [
        ({}, False),
        ({"affects_local_policy": True}, True),
        ({"affects_money": True}, True),
        ({"affects_staff": True}, True),
    ],
)
def test_which_flags_need_every_executive(db, flags, needs):
    proposal = ProposalFactory(**{"affects_money": False, **flags})
    assert proposal.needs_executive_decisions is needs
    if not needs:
        with pytest.raises(ValidationError, match="PHO-besluit rondt het af"):
            services.proposal_send(
                proposal=proposal,
                sent_on=dt.date(2024, 3, 1),
                deadline=dt.date(2024, 5, 1),
                user=None,
            )


def test_send_checks_the_deadline(db):
    proposal = ProposalFactory()
    with pytest.raises(ValidationError, match="vóór de verzenddatum"):
        services.proposal_send(
            proposal=proposal, sent_on=dt.date(2024, 3, 1), deadline=dt.date(2024, 2, 1), user=None
        )


def test_decisions_are_appended_and_the_latest_counts(sent_proposal):
    decide(sent_proposal, "emmen", "postponed", on=dt.date(2024, 4, 1))
    decide(sent_proposal, "emmen", "agreed", on=dt.date(2024, 5, 1))
    assert ExecutiveDecision.objects.filter(participant__organisation__slug="emmen").count() == 2
    emmen = next(p for p in state(sent_proposal).participants if p.organisation.slug == "emmen")
    assert emmen.outcome == "agreed"


def test_all_agreed_closes_the_proposal_adopted_by_all(sent_proposal, members):
    for i, organisation in enumerate(members):
        decide(sent_proposal, organisation.slug, on=dt.date(2024, 4, 1 + i))
    sent_proposal.refresh_from_db()
    assert sent_proposal.stage == Stage.CLOSED
    assert sent_proposal.closed_on == dt.date(2024, 4, 5)
    assert state(sent_proposal).result == Result.ADOPTED_BY_ALL


def test_one_rejection_asks_the_bureau_to_confirm_a_coalition(sent_proposal, members):
    for organisation in members:
        decide(
            sent_proposal,
            organisation.slug,
            "rejected" if organisation.slug == "westerveld" else "agreed",
        )
    assert state(sent_proposal).result == Result.COALITION_TO_CONFIRM
    with pytest.raises(ValidationError, match="Licht toe"):
        services.coalition_confirm(
            proposal=sent_proposal, confirmed_on=dt.date(2024, 6, 1), note=" ", user=None
        )
    services.coalition_confirm(
        proposal=sent_proposal,
        confirmed_on=dt.date(2024, 6, 1),
        note="Westerveld betaalt niets.",
        user=None,
    )
    current = state(sent_proposal)
    assert current.result == Result.ADOPTED_BY_COALITION
    assert current.stage == Stage.CLOSED


def test_coalition_needs_a_majority(sent_proposal):
    decide(sent_proposal, "assen")
    decide(sent_proposal, "emmen", "rejected")
    with pytest.raises(ValidationError, match="meerderheid"):
        services.coalition_confirm(
            proposal=sent_proposal, confirmed_on=dt.date(2024, 6, 1), note="x", user=None
        )


def test_majority_rejecting_is_not_adopted(sent_proposal, members):
    for organisation in members:
        decide(
            sent_proposal,
            organisation.slug,
            "agreed" if organisation.slug == "assen" else "rejected",
        )
    assert state(sent_proposal).result == Result.NOT_ADOPTED


def test_overdue_participants_are_flagged_after_the_deadline(sent_proposal):
    decide(sent_proposal, "assen")
    decide(sent_proposal, "emmen", "postponed")
    before = state(sent_proposal, on=dt.date(2024, 6, 1))
    after = state(sent_proposal, on=dt.date(2024, 6, 2))
    assert before.overdue_count == 0
    assert after.overdue_count == 4
    assert {p.organisation.slug for p in after.participants if p.is_overdue} == {
        "emmen",
        "meppel",
        "tynaarlo",
        "westerveld",
    }


def test_state_as_of_a_date_ignores_later_decisions(sent_proposal):
    decide(sent_proposal, "assen", on=dt.date(2024, 4, 1))
    decide(sent_proposal, "emmen", on=dt.date(2024, 5, 1))
    assert state(sent_proposal, on=dt.date(2024, 4, 15)).decided_count == 1
    assert state(sent_proposal, on=dt.date(2024, 2, 20)).stage == Stage.PHO
    assert state(sent_proposal, on=dt.date(2024, 1, 20)).stage == Stage.DRAFT


def test_decision_dates_are_checked(sent_proposal):
    with pytest.raises(ValidationError, match="vóór de datum waarop"):
        decide(sent_proposal, "assen", on=dt.date(2024, 2, 1))
    with pytest.raises(ValidationError, match="toekomst"):
        decide(sent_proposal, "assen", on=dt.date(2024, 7, 2))


def test_no_decision_before_the_proposal_is_sent(members):
    proposal = ProposalFactory()
    participant = proposal.participants.create(organisation=members[0])
    with pytest.raises(ValidationError, match="bij de colleges ligt"):
        services.executive_decision_record(
            participant=participant, decided_on=dt.date(2024, 4, 1), outcome="agreed", user=None
        )


def test_a_decision_document_is_checked_and_kept(sent_proposal):
    good = SimpleUploadedFile("besluit.pdf", b"%PDF-1.7 test", content_type="application/pdf")
    decision = decide(sent_proposal, "assen", document=good)
    assert decision.document.name.endswith(".pdf")
    fake = SimpleUploadedFile("besluit.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match=r"geen geldig \.pdf"):
        decide(sent_proposal, "emmen", document=fake)
    exe = SimpleUploadedFile("besluit.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ValidationError, match="geen toegestaan bestandstype"):
        decide(sent_proposal, "emmen", document=exe)


def test_a_participant_who_decided_cannot_be_removed(sent_proposal, members):
    decide(sent_proposal, "assen")
    others = [m for m in members if m.slug != "assen"]
    with pytest.raises(ValidationError, match="al een besluit"):
        services.participants_set(proposal=sent_proposal, organisations=others, user=None)


def test_withdraw_stops_the_process(sent_proposal):
    services.proposal_withdraw(proposal=sent_proposal, withdrawn_on=dt.date(2024, 5, 1), user=None)
    assert state(sent_proposal).result == Result.WITHDRAWN
    with pytest.raises(ValidationError):
        services.proposal_withdraw(
            proposal=sent_proposal, withdrawn_on=dt.date(2024, 5, 2), user=None
        )


def test_pending_for_lists_only_that_organisations_open_decisions(sent_proposal, members):
    decide(sent_proposal, "assen")
    assen, emmen = members[0], members[1]
    association = sent_proposal.portfolio.association
    assert pending_for(organisation=assen, association=association) == []
    assert [p.organisation for p in pending_for(organisation=emmen, association=association)] == [
        emmen
    ]


def test_every_change_is_in_the_history(sent_proposal, bureau_user):
    services.executive_decision_record(
        participant=participant_of(sent_proposal, "assen"),
        decided_on=dt.date(2024, 4, 1),
        outcome="agreed",
        user=bureau_user,
    )
    decision = ExecutiveDecision.objects.get()
    assert decision.history.first().history_user == bureau_user
    assert decision.recorded_by == bureau_user


def test_a_sent_proposal_no_longer_changes_its_figures(sent_proposal, members):
    with pytest.raises(ValidationError, match="verandert niet meer"):
        services.proposal_update(
            obj=sent_proposal,
            expected_version=sent_proposal.version,
            user=None,
            participant_organisations=members,
            amounts_text={2024: Decimal("1.00")},
        )
    participant = participant_of(sent_proposal, "assen")
    with pytest.raises(ValidationError, match="verandert niet meer"):
        services.participant_update(
            participant=participant,
            expected_version=participant.version,
            user=None,
            hours_per_year=Decimal("99"),
        )
    services.participant_update(
        participant=participant,
        expected_version=participant.version,
        user=None,
        planned_on=dt.date(2024, 5, 7),
    )
    participant.refresh_from_db()
    assert participant.planned_on == dt.date(2024, 5, 7)
    assert participant.hours_per_year == Decimal("20")
    with pytest.raises(EditConflict):  # a form opened before that save
        services.participant_update(
            participant=participant,
            expected_version=participant.version - 1,
            user=None,
            planned_on=dt.date(2024, 6, 4),
        )
    participant.refresh_from_db()
    assert participant.planned_on == dt.date(2024, 5, 7)


def test_sending_is_refused_while_shares_cannot_be_computed(members):
    proposal = ProposalFactory()
    proposal.years.create(year=2024, amount=Decimal("100.00"))
    proposal.participants.create(organisation=members[0])
    from samenspel.organisations.tests.factories import OrganisationFactory

    proposal.participants.create(
        organisation=OrganisationFactory(name="Gemeente Zonder Tal", municipality=True)
    )
    with pytest.raises(ValidationError, match="Gemeente Zonder Tal"):
        services.proposal_send(
            proposal=proposal, sent_on=dt.date(2024, 3, 1), deadline=dt.date(2024, 6, 1), user=None
        )
