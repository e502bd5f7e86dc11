import datetime as dt

import pytest

from samenspel.organisations.constants import BodyKind, Role
from samenspel.organisations.tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PortfolioFactory,
    PostFactory,
)


@pytest.fixture
def seat():
    """seat(body, role, organisation=None, when_relevant=False) -> the person holding it."""

    def make(body, role=Role.MEMBER, organisation=None, when_relevant=False, **person):
        post = PostFactory(
            body=body, role=role, organisation=organisation, when_relevant=when_relevant
        )
        holder = PersonFactory(organisation=organisation or OrganisationFactory(), **person)
        MembershipFactory(post=post, person=holder, start_date=dt.date(2023, 1, 1))
        return holder

    return make


@pytest.fixture
def province(db):
    return OrganisationFactory(slug="provincie-drenthe", province=True)


@pytest.fixture
def water_board(db):
    return OrganisationFactory(water_board=True)


@pytest.fixture
def pho(db):
    """A PHO of a portfolio the water boards join (Energie, Klimaat en Milieu)."""
    ekm = PortfolioFactory(slug="energie-klimaat-en-milieu", abbreviation="EKM")
    return BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=ekm, short_name="PHO EKM")
