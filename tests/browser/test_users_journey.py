"""The bureau's users pages as the bureau meets them (issue 17): the list shows who
signed in and how, the detail page their open sessions, and ending one signs that
browser out at once. Every page passes axe-core."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.tests.factories import PASSWORD, UserFactory
from samenspel.organisations.associations import association_default

pytestmark = pytest.mark.browser


def _clean(page, axe_violations):
    assert axe_violations(page) == [], page.url


def test_the_bureau_ends_a_session_through_the_page(
    page, browser, live_url, bureau, sign_in, axe_violations
):
    reader = UserFactory(username="lezer-lotte", first_name="Lotte", last_name="Lezer")
    reader.role_assignments.create(association=association_default(), role=RoleKind.READER)
    theirs = browser.new_context(base_url=live_url, locale="nl-NL")
    other = theirs.new_page()
    other.goto("/inloggen/")
    other.get_by_label("Gebruikersnaam").fill(reader.username)
    other.get_by_label("Wachtwoord").fill(PASSWORD)
    other.get_by_role("button", name="Inloggen").click()
    other.wait_for_url("**/")

    sign_in(bureau)
    page.goto("/gebruikers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    row = page.get_by_role("row").filter(has_text="lezer-lotte")
    expect(row).to_contain_text("Wachtwoord, zonder tweede factor")
    _clean(page, axe_violations)

    row.get_by_role("link", name="Lotte Lezer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lotte Lezer")
    _clean(page, axe_violations)
    page.get_by_role("link", name="Sessie beëindigen").click()
    _clean(page, axe_violations)
    page.get_by_role("button", name="Ja, sessie beëindigen").click()
    expect(page.get_by_text("is beëindigd")).to_be_visible()
    expect(page.get_by_text("Geen actieve sessies in dit samenwerkingsverband.")).to_be_visible()

    other.goto("/account/")
    expect(other.get_by_role("button", name="Inloggen")).to_be_visible()
    theirs.close()
