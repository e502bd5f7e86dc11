"""Sign in, see the home page, switch language; axe finds no WCAG 2.1 A/AA violations."""

import pytest

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default


@pytest.fixture
def chair(db):
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.organisations.tests.factories import PortfolioFactory

    user = UserFactory(username="voorzitter-gw", first_name="Gerrit")
    user.role_assignments.create(
        association=association_default(),
        role=RoleKind.PORTFOLIO_CHAIR,
        portfolio=PortfolioFactory(slug="gezondheid-en-welzijn", name="Gezondheid en Welzijn"),
    )
    return user


def test_login_page_is_accessible(page, axe_violations, db):
    page.goto("/inloggen/")
    assert page.get_by_role("heading", name="Inloggen").is_visible()
    assert axe_violations(page) == []


def test_sign_in_see_home_and_switch_language(page, chair, sign_in, axe_violations):
    sign_in(chair)
    assert page.get_by_role("heading", name="Welkom, Gerrit").is_visible()
    assert page.get_by_text("Voorzitter portefeuille Gezondheid en Welzijn").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert axe_violations(page) == []


def test_wrong_password_shows_an_error_the_user_can_read(page, chair, axe_violations):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("voorzitter-gw")
    page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").filter(has_text="klopt niet").is_visible()
    assert axe_violations(page) == []


def test_skip_link_moves_focus_to_main(page, chair, sign_in):
    sign_in(chair)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
