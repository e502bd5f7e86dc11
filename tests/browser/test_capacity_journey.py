"""The bureau reads the staff commitment (Tables 2.1 and 2.2) and records a quarter's hours
for a member; axe finds no WCAG 2.1 A/AA violations on the staff pages."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default


@pytest.fixture
def bureau(vdg_data, settings):
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.capacity.demo import demo_realised_hours_create

    settings.SAMENSPEL_TODAY = "2024-06-15"
    demo_realised_hours_create()
    user = UserFactory(username="bureau", first_name="Bea")
    user.role_assignments.create(association=association_default(), role=RoleKind.BUREAU)
    return user


def test_bureau_reads_the_staff_tables_and_records_hours(page, bureau, sign_in, axe_violations):
    sign_in(bureau)
    page.get_by_role("link", name="Inzet").first.click()
    expect(page.get_by_role("heading", name="Ambtelijke inzet", exact=True)).to_be_visible()
    table_2_1 = page.get_by_role("table", name="Tabel 2.1: Structurele ambtelijke inzet")
    expect(table_2_1).to_be_visible()
    expect(table_2_1.get_by_role("row", name="Aa en Hunze")).to_contain_text("840")
    table_2_2 = page.get_by_role("table", name="Tabel 2.2: Structurele ambtelijke inzet")
    expect(table_2_2).to_be_visible()
    expect(table_2_2.get_by_role("row", name="Assen")).to_contain_text("535")
    expect(page.get_by_role("img", name="Uren per portefeuille in 2024")).to_be_visible()
    expect(page.get_by_text("€ 103.005,00")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Westerveld").last.click()
    expect(page.get_by_role("heading", name="Uren bijhouden: Westerveld")).to_be_visible()
    assert axe_violations(page) == []
    form = page.locator("form[method=post]").filter(has_text="Uren opslaan")
    form.get_by_label("Jaar").fill("2024")
    form.get_by_label("Kwartaal").select_option("2")
    form.get_by_label("Portefeuille").select_option(label="Sport")
    form.get_by_label("Uren", exact=True).fill("31,5")
    form.get_by_role("button", name="Uren opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("De uren van Westerveld voor Q2 2024")
    row = page.get_by_role("table", name="Westerveld").get_by_role("row", name="Sport")
    expect(row).to_contain_text("31,5")
    assert axe_violations(page) == []
