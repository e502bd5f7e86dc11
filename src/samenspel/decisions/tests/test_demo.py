"""The demo proposals: the document's examples, a mix of outcomes, made once."""

import datetime as dt

import pytest

from samenspel.decisions.constants import Result
from samenspel.decisions.demo import demo_proposals_create
from samenspel.decisions.models import Proposal
from samenspel.decisions.selectors import proposal_states_on
from samenspel.organisations.tests.factories import (
    InhabitantCountFactory,
    OrganisationFactory,
    PortfolioFactory,
)

MEMBERS = [
    "aa-en-hunze", "assen", "borger-odoorn", "coevorden", "de-wolden", "emmen",
    "hoogeveen", "meppel", "midden-drenthe", "noordenveld", "tynaarlo", "westerveld",
]  # fmt: skip


@pytest.fixture
def vdg(db, settings):
    settings.SAMENSPEL_TODAY = "2026-11-29"
    PortfolioFactory(slug="gezondheid-en-welzijn", name="Gezondheid en welzijn")
    for slug in MEMBERS:
        organisation = OrganisationFactory(slug=slug, name=slug.title(), municipality=True)
        InhabitantCountFactory(organisation=organisation, count=30000)


def test_demo_proposals_show_every_kind_of_outcome_and_are_made_once(vdg):
    assert demo_proposals_create() == 5
    assert demo_proposals_create() == 0
    assert Proposal.objects.filter(is_demo=True).count() == 5
    states = {s.proposal.title: s for s in proposal_states_on(date=dt.date(2026, 11, 29))}
    results = {s.result for s in states.values()}
    assert {Result.ADOPTED_BY_ALL, Result.ADOPTED_BY_COALITION, Result.PENDING} <= results
    assert any(s.overdue_count for s in states.values())
    running = states["Verlenging afspraken ambtelijke inzet Gezondheid en welzijn"]
    assert running.overdue_count == 0 and 0 < running.decided_count < 12
