"""Shares of a proposal's amounts: exact totals, the keys, the surcharge, coalitions."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.decisions.costs import proposal_costs
from samenspel.decisions.tests.conftest import INHABITANTS
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.organisations.tests.factories import InhabitantCountFactory, OrganisationFactory

amounts = st.decimals(min_value=0, max_value=Decimal("5000000"), places=2)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    amount=amounts,
    counts=st.lists(st.integers(min_value=1, max_value=300000), min_size=1, max_size=12),
)
def test_per_inhabitant_shares_add_up_and_are_proportional(amount, counts):
    proposal = ProposalFactory()
    proposal.years.create(year=2025, amount=amount)
    for count in counts:
        participant = ParticipantFactory(proposal=proposal)
        InhabitantCountFactory(organisation=participant.organisation, count=count)
    costs = proposal_costs(proposal)
    shares = [row.shares[2025] for row in costs.rows]
    assert sum(shares) == amount
    assert all(share >= 0 for share in shares)
    total = sum(counts)
    for row in costs.rows:
        exact = amount * row.inhabitants / total
        assert abs(row.shares[2025] - exact) < Decimal("0.01")
    assert costs.errors == []


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(amount=amounts, size=st.integers(min_value=1, max_value=12))
def test_equal_shares_differ_at_most_one_cent(amount, size):
    proposal = ProposalFactory(cost_key="equal")
    proposal.years.create(year=2025, amount=amount)
    ParticipantFactory.create_batch(size, proposal=proposal)
    shares = [row.shares[2025] for row in proposal_costs(proposal).rows]
    assert sum(shares) == amount
    assert max(shares) - min(shares) <= Decimal("0.01")


def test_reproduces_a_hand_computed_split(sent_proposal):
    costs = proposal_costs(sent_proposal)
    by_slug = {row.organisation.slug: row.shares[2024] for row in costs.rows}
    total = sum(INHABITANTS.values())
    assert by_slug["emmen"] == (Decimal("100000") * 109361 / total).quantize(Decimal("0.01"))
    assert sum(by_slug.values()) == Decimal("100000.00")
    assert costs.reference_date == dt.date(2024, 1, 1)


def test_surcharge_adds_five_percent_split_by_the_same_key(sent_proposal):
    sent_proposal.service_desk_surcharge = True
    costs = proposal_costs(sent_proposal)
    assert costs.surcharges[2024] == Decimal("5000.00")
    assert costs.year_total(2024) == Decimal("105000.00")
    assert sum(row.shares[2024] for row in costs.rows) == Decimal("105000.00")


def test_fixed_amounts_are_what_each_participant_pays(db):
    proposal = ProposalFactory(cost_key="fixed")
    proposal.years.create(year=2024, amount=Decimal("3000.00"))
    for amount in ["1000.00", "2000.00"]:
        ParticipantFactory(proposal=proposal, fixed_amount=Decimal(amount))
    costs = proposal_costs(proposal)
    assert sorted(row.shares[2024] for row in costs.rows) == [
        Decimal("1000.00"),
        Decimal("2000.00"),
    ]
    assert costs.errors == []


def test_fixed_amounts_that_do_not_add_up_are_reported(db):
    proposal = ProposalFactory(cost_key="fixed")
    proposal.years.create(year=2024, amount=Decimal("5000.00"))
    ParticipantFactory(proposal=proposal, fixed_amount=Decimal("1000.00"))
    ParticipantFactory(proposal=proposal, fixed_amount=None)
    errors = proposal_costs(proposal).errors
    assert any("Geen vast bedrag" in error for error in errors)


def test_missing_inhabitants_are_named(db):
    proposal = ProposalFactory()
    proposal.years.create(year=2024, amount=Decimal("1000.00"))
    ParticipantFactory(
        proposal=proposal,
        organisation=OrganisationFactory(name="Gemeente Nergens", municipality=True),
    )
    costs = proposal_costs(proposal)
    assert any("Gemeente Nergens" in error for error in costs.errors)


def test_one_common_date_and_a_note_when_the_figures_start_later(sent_proposal):
    sent_proposal.reference_date = dt.date(2023, 1, 1)
    costs = proposal_costs(sent_proposal)
    assert costs.reference_date == dt.date(2024, 1, 1)
    assert "01-01-2024" in costs.notes[0]
    assert sum(row.shares[2024] for row in costs.rows) == Decimal("100000.00")


def test_coalition_non_members_pay_nothing_and_the_rest_shares_the_whole(sent_proposal, members):
    westerveld = next(m for m in members if m.slug == "westerveld")
    costs = proposal_costs(sent_proposal, excluded=frozenset({westerveld.pk}))
    row = costs.row_for(westerveld)
    assert row.joins is False and row.total == 0 and row.hours_per_year == 0
    assert sum(r.shares[2024] for r in costs.rows) == Decimal("100000.00")


def test_province_pays_its_fixed_amount_and_members_share_the_rest(sent_proposal):
    province = OrganisationFactory(slug="provincie-drenthe", province=True)
    ParticipantFactory(
        proposal=sent_proposal, organisation=province, fixed_amount=Decimal("20000.00")
    )
    costs = proposal_costs(sent_proposal)
    assert costs.errors == []
    assert costs.row_for(province).shares[2024] == Decimal("20000.00")
    members = [r for r in costs.rows if r.organisation.pk != province.pk]
    assert sum(r.shares[2024] for r in members) == Decimal("80000.00")
    assert all(r.shares[2024] > 0 for r in members)


def test_a_water_board_without_a_fixed_amount_pays_nothing(sent_proposal):
    board = OrganisationFactory(water_board=True)
    ParticipantFactory(proposal=sent_proposal, organisation=board)
    costs = proposal_costs(sent_proposal)
    assert costs.row_for(board).total == 0
    assert sum(r.shares[2024] for r in costs.rows) == Decimal("100000.00")


def test_each_participant_counts_with_its_latest_figure_on_or_before_the_date(
    sent_proposal, members
):
    # The rule budget years use too (docs/adr/0005-one-cost-key.md).
    assen = next(m for m in members if m.slug == "assen")
    InhabitantCountFactory(organisation=assen, count=70500, reference_date=dt.date(2026, 1, 1))
    sent_proposal.reference_date = dt.date(2026, 1, 1)
    costs = proposal_costs(sent_proposal)
    assert costs.row_for(assen).inhabitants == 70500
    assert {r.inhabitants for r in costs.rows if r.organisation.pk != assen.pk} <= set(
        INHABITANTS.values()
    )
    assert costs.reference_date == dt.date(2026, 1, 1) and costs.notes == []
    assert sum(row.shares[2024] for row in costs.rows) == Decimal("100000.00")


def test_a_proposal_and_a_budget_year_apply_a_key_alike(sent_proposal, members):
    from samenspel.finance.selectors import figures_on, split_over_members

    budget = split_over_members(
        Decimal("100000.00"),
        key="per_inhabitant",
        members=figures_on(members, dt.date(2024, 1, 1)),
    )
    costs = proposal_costs(sent_proposal)
    assert {row.organisation.pk: row.shares[2024] for row in costs.rows} == budget
