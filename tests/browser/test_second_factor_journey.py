"""The second factor as a user meets it (issue 17): the bureau adds an authenticator app
(the code computed from the secret the page shows, as the app would), keeps the recovery
codes shown once, signs out, and signs in again with password and code. Every page on
the way passes axe-core."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from samenspel.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def _code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the secret typed over from the page."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, drift=steps_ahead):06d}"


def _clean(page, axe_violations):
    assert axe_violations(page) == [], page.url


def test_the_bureau_sets_up_an_app_and_signs_in_with_it(page, bureau, axe_violations):
    page.goto("/inloggen/")
    _clean(page, axe_violations)
    page.get_by_label("Gebruikersnaam").fill(bureau.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")

    page.goto("/account/")
    page.get_by_role("link", name="Tweede factor beheren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede factor")
    _clean(page, axe_violations)

    page.get_by_role("link", name="Authenticator-app toevoegen").click()
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    _clean(page, axe_violations)
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Naam").fill("Telefoon werk")
    page.get_by_label("Code uit je app").fill(_code(secret))
    page.get_by_role("button", name="App toevoegen").click()

    expect(page.get_by_role("alert")).to_contain_text("je ziet ze maar één keer")
    _clean(page, axe_violations)
    assert len(page.locator("main li code").all_inner_texts()) == 10
    page.get_by_role("link", name="Ik heb ze bewaard").click()
    expect(page.get_by_role("cell", name="Telefoon werk", exact=True)).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_label("Gebruikersnaam").fill(bureau.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/inloggen/tweede-factor/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig dat jij het bent")
    _clean(page, axe_violations)
    # Each code works once: the one used to confirm the app is spent, so the next one.
    page.get_by_label("Code uit je app of een herstelcode").fill(_code(secret, 1))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page).to_have_url(re.compile(r"://[^/]+/$"))  # the dashboard, signed in
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
