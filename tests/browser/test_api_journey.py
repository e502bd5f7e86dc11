"""The API's pages as their users meet them (issue 16): an account holder issues a token
for their organisation's system, sees the key once, the system uses it, and revoking it
stops it at once; the bureau's notifications page and the public open-data page. Every
page passes axe-core, on a phone too."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def _sign_in(page, username):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def _clean(page, axe_violations):
    assert axe_violations(page) == [], page.url


def test_an_account_holder_issues_uses_and_revokes_a_token(page, vdg_demo_data, axe_violations):
    _sign_in(page, "accounthouder-assen")
    page.get_by_role("link", name="API-toegang").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("API")
    _clean(page, axe_violations)

    page.get_by_role("link", name="Nieuw token").click()
    _clean(page, axe_violations)
    page.get_by_label("Naam").fill("Raadsinformatiesysteem Assen")
    page.get_by_label("besluiten vastleggen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("je ziet hem maar één keer")
    _clean(page, axe_violations)
    key = page.get_by_label("Sleutel").input_value()
    assert key.startswith("sam_")

    # The system calls the API with it: its proposals, as the account holder sees them.
    answer = page.request.get("/api/v1/voorstellen", headers={"Authorization": f"Token {key}"})
    assert answer.status == 200 and answer.headers["api-version"]

    page.get_by_role("link", name="Naar alle tokens").click()
    row = page.get_by_role("row").filter(has_text="Raadsinformatiesysteem Assen")
    row.get_by_role("link", name="Intrekken").click()
    _clean(page, axe_violations)
    page.get_by_role("button", name="Ja, intrekken").click()
    expect(page.get_by_text("is ingetrokken")).to_be_visible()
    refused = page.request.get("/api/v1/voorstellen", headers={"Authorization": f"Token {key}"})
    assert refused.status == 401
    assert refused.headers["content-type"] == "application/problem+json"


def test_the_notifications_and_open_data_pages_on_a_phone(page, vdg_demo_data, axe_violations):
    page.set_viewport_size(PHONE)
    page.goto("/openbaar/data/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Open data")
    _clean(page, axe_violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "wider than the phone"

    _sign_in(page, "bureau")
    page.get_by_role("link", name="Notificaties").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Notificaties")
    _clean(page, axe_violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
