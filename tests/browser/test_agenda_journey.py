"""A portfolio chair reports progress and sees it on the dashboard; axe finds no
WCAG 2.1 A/AA violations on the agenda pages."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default


@pytest.fixture
def chair(vdg_data, settings):
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.organisations.models import Portfolio

    settings.SAMENSPEL_TODAY = "2024-06-15"
    user = UserFactory(username="voorzitter-gw", first_name="Gerrit")
    user.role_assignments.create(
        association=association_default(),
        role=RoleKind.PORTFOLIO_CHAIR,
        portfolio=Portfolio.objects.get(slug="gezondheid-en-welzijn"),
    )
    return user


def test_chair_reports_progress_and_sees_it_on_the_dashboard(page, chair, sign_in, axe_violations):
    sign_in(chair)
    assert axe_violations(page) == []
    page.goto("/agenda/afspraken/gw-iza-procesvoorstel/")
    assert axe_violations(page) == []
    status_line = page.locator("#agreement-status")
    expect(status_line).to_contain_text("Nog niet gestart")
    form = page.locator("form[hx-post]")
    form.get_by_label("Status").select_option("on_track")
    form.get_by_label("Toelichting").fill("Procesvoorstel ligt bij de colleges.")
    form.get_by_role("button", name="Voortgang opslaan").click()
    confirmation = page.get_by_role("status").filter(has_text="De voortgang is bijgewerkt")
    expect(confirmation).to_be_visible()
    expect(page.get_by_text("Procesvoorstel ligt bij de colleges.")).to_be_visible()
    # The status line at the top follows in the same response (out of band), and focus
    # is on the confirmation, not on <body>.
    expect(status_line).to_contain_text("Op koers")
    expect(status_line).not_to_contain_text("Nog niet gestart")
    expect(confirmation).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "progress-saved"

    page.get_by_role("link", name="Overzicht", exact=True).click()
    # The chair's to-do inbox comes first; the association's figures are folded below it.
    expect(page.get_by_role("heading", name="Te doen")).to_be_visible()
    page.locator("summary", has_text="Cijfers en voortgang").click()
    latest = page.locator("section", has=page.get_by_role("heading", name="Laatste voortgang"))
    expect(latest.get_by_role("link", name="IZA/GALA: procesvoorstel").first).to_be_visible()
    expect(page.get_by_role("img", name="Status van de afspraken per portefeuille")).to_be_visible()


# The agenda's pages pass axe for every role in the crawl (web/tests/test_accessibility_crawl.py).


@pytest.mark.parametrize(
    "url",
    [
        "/openbaar/",
        "/openbaar/portefeuilles/sport/",
        "/openbaar/afspraken/sport-sportgala-drenthe/",
    ],
)
def test_public_pages_are_accessible_without_signing_in(page, chair, axe_violations, url):
    page.goto(url)
    assert page.locator("h1").is_visible()
    assert axe_violations(page) == []
