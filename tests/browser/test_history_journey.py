"""A person whose seat has ended signs in and reads their history (issue 17, point 3):
the roles with their dates and what they did, the page axe-clean."""

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_former_member_reads_their_history(page, vdg_data, sign_in, axe_violations, settings):
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.core.history import changed_by
    from samenspel.organisations.constants import BodyKind
    from samenspel.organisations.models import Portfolio
    from samenspel.organisations.tests.factories import (
        BodyFactory,
        MembershipFactory,
        PersonFactory,
        PostFactory,
    )

    settings.SAMENSPEL_TODAY = "2024-07-01"
    person = PersonFactory()
    user = UserFactory(person=person)
    body = BodyFactory(kind=BodyKind.GENERAL_BOARD, association=vdg_data.association)
    MembershipFactory(
        post=PostFactory(body=body),
        person=person,
        start_date=dt.date(2023, 1, 1),
        end_date=dt.date(2024, 6, 30),
    )
    portfolio = Portfolio(
        association=vdg_data.association, slug="c2-thema", name="Thema van toen", abbreviation="T"
    )
    changed_by(portfolio, user)
    portfolio.save()

    sign_in(user)
    page.goto("/account/geschiedenis/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn geschiedenis")
    roles = page.get_by_role("table").first
    expect(roles).to_contain_text("Lezer")
    expect(roles).to_contain_text("beëindigd")
    expect(page.get_by_role("table").nth(1)).to_contain_text("Thema van toen")
    assert axe_violations(page) == []
