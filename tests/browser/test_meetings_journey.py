"""The bureau builds a meeting's agenda, records an outcome, and the agreement's page shows
it; axe finds no WCAG 2.1 A/AA violations on the meetings pages."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default


@pytest.fixture
def world(db, settings):
    """A PHO with a member and a meeting, an agreement of its portfolio (factories only)."""
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.agenda.tests.factories import AgreementFactory
    from samenspel.meetings import services
    from samenspel.meetings.tests.factories import aware
    from samenspel.organisations.constants import BodyKind, Role
    from samenspel.organisations.tests.factories import (
        BodyFactory,
        MembershipFactory,
        PersonFactory,
        PortfolioFactory,
        PostFactory,
    )

    settings.SAMENSPEL_TODAY = "2024-03-01"
    portfolio = PortfolioFactory(slug="gezondheid-en-welzijn", name="Gezondheid en Welzijn")
    pho = BodyFactory(
        slug="pho-gw",
        name="Portefeuillehoudersoverleg Gezondheid en Welzijn",
        short_name="PHO G&W",
        kind=BodyKind.PORTFOLIO_MEETING,
        portfolio=portfolio,
    )
    chair = PersonFactory(name="Gerda Voorzitter")
    MembershipFactory(post=PostFactory(body=pho, role=Role.CHAIR), person=chair)
    agreement = AgreementFactory(title="Regiobeeld zorg en welzijn", portfolio=portfolio)
    meeting = services.meeting_create(
        body=pho, starts_at=aware(dt.date(2024, 3, 14), hour=13), place="Assen", user=None
    )
    user = UserFactory(username="bureau", first_name="Bea")
    user.role_assignments.create(association=association_default(), role=RoleKind.BUREAU)
    return {"user": user, "meeting": meeting, "agreement": agreement, "chair": chair}


def test_bureau_builds_agenda_records_outcome_and_agreement_shows_it(
    page, world, sign_in, axe_violations
):
    sign_in(world["user"])
    page.goto(world["meeting"].get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("PHO G&W")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Agendapunt toevoegen").click()
    page.get_by_label("Titel").fill("Regiobeeld vaststellen")
    page.get_by_label("Soort").select_option("decision")
    # A long list of people: a combobox to type in (samenspel/autocomplete.js).
    page.get_by_role("combobox", name="Trekker (niet verplicht)").fill(str(world["chair"]))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_role("listbox", name="Afspraken").select_option(label="Regiobeeld zorg en welzijn")
    page.get_by_label("Duur (minuten)").fill("20")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="1. Regiobeeld vaststellen")).to_be_visible()

    page.get_by_role("link", name="Uitkomst vastleggen Regiobeeld vaststellen").click()
    page.get_by_label("Uitkomst").select_option("decision")
    page.get_by_label("Besluit of toelichting").fill("Het regiobeeld is vastgesteld.")
    page.get_by_label("Voortgang van de gekoppelde afspraken").select_option("on_track")
    page.get_by_role("textbox", name="Actie (niet verplicht)").fill(
        "Regiobeeld delen met de colleges"
    )
    page.get_by_role("combobox", name="Eigenaar van de actie (niet verplicht)").fill(
        str(world["chair"])
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Besluit PHO G&W 2024-01")).to_be_visible()
    expect(page.get_by_text("Regiobeeld delen met de colleges").first).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Regiobeeld zorg en welzijn").first.click()
    expect(page.get_by_text("PHO G&W 2024-01: Het regiobeeld is vastgesteld.")).to_be_visible()


def test_actions_page_is_accessible(page, world, sign_in, axe_violations):
    """The actions list is linked from no list page, so the crawl (web/tests/
    test_accessibility_crawl.py, which checks the other meetings pages for every role)
    does not reach it."""
    sign_in(world["user"])
    page.goto("/overleggen/acties/")
    assert page.locator("h1").is_visible()
    assert axe_violations(page) == []


def test_public_meetings_page_is_accessible(page, world, axe_violations):
    page.goto("/overleggen/openbaar/?jaar=2024")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vergaderingen en besluiten")
    assert axe_violations(page) == []
