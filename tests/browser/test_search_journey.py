"""The site search on a phone (issue 19, part 6a): the field in the header fits at
390 px for a visitor and for a signed-in reader, finds what each may see, and axe finds
no WCAG 2.1 A/AA violations on the results."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default

PHONE = {"width": 390, "height": 844}
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def reader(vdg_data):
    from samenspel.accounts.tests.factories import UserFactory

    user = UserFactory(username="lezer-zoekt")
    user.role_assignments.create(association=association_default(), role=RoleKind.READER)
    return user


def _search_from_the_header(page, query: str, *, enter: bool):
    search = page.get_by_role("search", name="Zoeken in Samenspel")
    field = search.get_by_role("searchbox", name="Zoeken")
    expect(field).to_be_visible()
    field.fill(query)
    if enter:
        field.press("Enter")
    else:
        search.get_by_role("button", name="Zoek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zoekresultaten voor '{query}'")
    expect(field).to_have_value(query)


def test_a_visitor_searches_the_public_agenda(page, vdg_data, axe_violations):
    page.set_viewport_size(PHONE)
    page.goto("/openbaar/")
    assert page.evaluate(FITS)
    _search_from_the_header(page, "crisisopvang", enter=True)
    hit = page.get_by_role("link", name="GGZ: crisisopvang, time-outplek")
    expect(hit).to_have_attribute("href", "/openbaar/afspraken/gw-ggz-crisisopvang/")
    expect(hit.locator("mark")).to_have_text("crisisopvang")
    assert page.evaluate(FITS)
    assert axe_violations(page) == []


def test_a_reader_searches_everything_on_a_phone(page, reader, sign_in, axe_violations):
    page.set_viewport_size(PHONE)
    sign_in(reader)
    assert page.evaluate(FITS)
    _search_from_the_header(page, "zorg", enter=False)
    expect(page.get_by_role("heading", name="Afspraken", level=2)).to_be_visible()
    more = page.get_by_role("link", name="afspraken").filter(has_text="Alle ")
    expect(more).to_have_attribute("href", "/agenda/afspraken/?q=zorg")
    assert page.evaluate(FITS)
    assert axe_violations(page) == []
    page.get_by_role("search", name="Zoeken in Samenspel").get_by_role("searchbox").fill("x")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Typ minstens 2 tekens om te zoeken.")).to_be_visible()
