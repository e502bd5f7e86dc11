"""A passkey as the second factor (issue 17), with Chromium's virtual authenticator (the
DevTools WebAuthn domain): the bureau adds a passkey, signs out, signs in with the
password and passes the second step with the passkey. The pages with the passkey parts
pass axe-core."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.accounts.models import SignIn
from samenspel.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def _virtual_authenticator(page) -> str:
    """A platform authenticator that verifies the user (as a fingerprint would) at once."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    answer = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return answer["authenticatorId"]


def _password(page, user) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_the_bureau_adds_a_passkey_and_signs_in_with_it(page, bureau, axe_violations):
    _virtual_authenticator(page)
    _password(page, bureau)
    page.wait_for_url(re.compile(r"://[^/]+/$"))

    page.goto("/account/tweede-factor/")
    expect(page.get_by_text("Je hebt nog geen passkey.")).to_be_visible()
    assert axe_violations(page) == [], page.url
    page.get_by_role("button", name="Passkey toevoegen").click()

    # The first factor comes with recovery codes, shown once; then the list has the passkey.
    page.wait_for_url("**/account/tweede-factor/herstelcodes/")
    expect(page.get_by_role("status").filter(has_text="Je passkey is toegevoegd.")).to_be_visible()
    assert len(page.locator("main li code").all_inner_texts()) == 10
    page.get_by_role("link", name="Ik heb ze bewaard").click()
    expect(page.get_by_role("cell", name="Passkey voor localhost", exact=True)).to_be_visible()
    assert axe_violations(page) == [], page.url
    assert [m.to for m in mail.outbox] == [[bureau.email]]

    page.get_by_role("button", name="Uitloggen").click()
    _password(page, bureau)
    page.wait_for_url("**/inloggen/tweede-factor/**")
    expect(page.get_by_role("button", name="Gebruik je passkey")).to_be_visible()
    assert axe_violations(page) == [], page.url
    page.get_by_role("button", name="Gebruik je passkey").click()

    expect(page).to_have_url(re.compile(r"://[^/]+/$"))  # the dashboard, signed in
    expect(page.get_by_role("heading", name="Welkom, Bea")).to_be_visible()
    assert SignIn.objects.filter(user=bureau).latest("pk").second_factor == "webauthn"
