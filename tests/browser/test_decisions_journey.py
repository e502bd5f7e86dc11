"""An account holder records their executive's decision; the proposal's progress moves.

axe finds no WCAG 2.1 A/AA violations on the list, the proposal and /mijn-organisatie/.
"""

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default


@pytest.fixture
def proposal(db, settings):
    from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
    from samenspel.organisations.tests.factories import InhabitantCountFactory, OrganisationFactory

    settings.SAMENSPEL_TODAY = "2024-05-01"
    proposal = ProposalFactory(title="Regionale samenwerking Hartveilig Drenthe", sent=True)
    proposal.years.create(year=2024, amount=Decimal("36000.00"))
    for slug, count in [("assen", 69691), ("emmen", 109361), ("meppel", 35814)]:
        organisation = OrganisationFactory(
            slug=slug, name=f"Gemeente {slug.title()}", municipality=True
        )
        InhabitantCountFactory(organisation=organisation, count=count)
        ParticipantFactory(proposal=proposal, organisation=organisation)
    return proposal


@pytest.fixture
def holder(proposal):
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.organisations.models import Organisation

    user = UserFactory(username="accounthouder-assen", first_name="Anna")
    user.role_assignments.create(
        association=association_default(),
        role=RoleKind.ACCOUNT_HOLDER,
        organisation=Organisation.objects.get(slug="assen"),
    )
    return user


def test_account_holder_records_a_decision_and_progress_moves(
    page, proposal, holder, sign_in, axe_violations
):
    sign_in(holder)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voorstellen").click()
    row = page.get_by_role("row", name="Regionale samenwerking Hartveilig Drenthe")
    expect(row).to_contain_text("0 van 3 besloten")
    assert axe_violations(page) == []

    page.goto("/mijn-organisatie/")
    expect(page.get_by_role("heading", name="Mijn organisatie: Gemeente Assen")).to_be_visible()
    assert axe_violations(page) == []
    pending = page.get_by_role("row", name="Regionale samenwerking Hartveilig Drenthe")
    pending.get_by_role("link", name="Besluit vastleggen").click()
    page.get_by_label("Besluitdatum").fill(dt.date(2024, 4, 20).isoformat())
    page.get_by_label("Besluit", exact=True).select_option("agreed")
    page.get_by_label("Kenmerk").fill("B&W 2024/88")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het besluit van Gemeente Assen is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Er liggen geen voorstellen bij uw college.")).to_be_visible()

    page.goto(proposal.get_absolute_url())
    expect(page.get_by_text("1 van 3 besloten").first).to_be_visible()
    expect(page.locator("tr", has_text="B&W 2024/88")).to_contain_text("Gemeente Assen")
    assert axe_violations(page) == []
    # Emmen's decision is not Assen's to record.
    expect(
        page.get_by_role("row", name="Gemeente Emmen").get_by_role(
            "link", name="Besluit vastleggen"
        )
    ).to_have_count(0)
