"""The bureau reads the money pages; axe finds no WCAG 2.1 A/AA violations."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default


@pytest.fixture
def bureau(vdg_data):
    from samenspel.accounts.tests.factories import UserFactory

    user = UserFactory(username="bureau", first_name="Bea")
    user.role_assignments.create(association=association_default(), role=RoleKind.BUREAU)
    return user


def test_bureau_reads_budget_contributions_and_projects(page, bureau, sign_in, axe_violations):
    sign_in(bureau)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Financiën").click()
    expect(page.get_by_role("heading", name="Investeringskosten per jaar")).to_be_visible()
    expect(page.get_by_text("genoemde bedragen kloppen niet met de posten")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Bijdragen 2024").click()
    expect(page.get_by_role("cell", name="€ 75.000,00").first).to_be_visible()
    assert axe_violations(page) == []
    page.goto("/financien/projecten/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Drents Zorglandschap").click()
    expect(page.get_by_text("765 uren")).to_be_visible()
    assert axe_violations(page) == []
