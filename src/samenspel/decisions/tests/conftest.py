import datetime as dt
from decimal import Decimal

import pytest

from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.organisations.tests.factories import InhabitantCountFactory, OrganisationFactory

# Inhabitants of five members on 1 January 2024 (the real CBS figures of five Drenthe
# municipalities, so the shares look like the ones the bureau knows).
INHABITANTS = {
    "assen": 69691,
    "emmen": 109361,
    "meppel": 35814,
    "tynaarlo": 34730,
    "westerveld": 20000,
}


@pytest.fixture
def members(db):
    organisations = []
    for slug, count in INHABITANTS.items():
        organisation = OrganisationFactory(
            slug=slug, name=f"Gemeente {slug.title()}", municipality=True
        )
        InhabitantCountFactory(
            organisation=organisation, count=count, reference_date=dt.date(2024, 1, 1)
        )
        organisations.append(organisation)
    return organisations


@pytest.fixture
def sent_proposal(members):
    """A proposal of € 100.000 for 2024 by inhabitants, sent to the five members."""
    proposal = ProposalFactory(sent=True)
    proposal.years.create(year=2024, amount=Decimal("100000.00"))
    for organisation in members:
        ParticipantFactory(proposal=proposal, organisation=organisation)
    return proposal


def participant_of(proposal, slug: str):
    return proposal.participants.get(organisation__slug=slug)
