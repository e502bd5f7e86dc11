"""Signing in through one's own organisation, in Chromium, against the real test provider
(tests/oidc_provider): the login page, the organisation chosen, the provider's own login
page, back signed in on the dashboard; logging out of both; someone the provider knows but
Samenspel does not. Every page of ours on the way passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from samenspel.accounts.models import ExternalIdentity, IdentityProvider
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory
from tests.oidc_provider.fixtures import (  # noqa: F401 (the fixture)
    CLIENT_ID,
    PASSWORD,
    oidc_providers,
)

pytestmark = pytest.mark.browser
START = "**/inloggen/organisatie/start/**"


def _clean(page, axe_violations):
    assert axe_violations(page) == [], page.url


def _at_the_provider(page, username):
    page.get_by_label("Gebruikersnaam bij de provider").fill(username)
    page.get_by_label("Wachtwoord bij de provider").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen bij de provider").click()


def test_sign_in_through_ones_own_organisation(
    page,
    live_url,
    make_user,
    oidc_providers,  # noqa: F811
    axe_violations,
):
    real = oidc_providers["assen"]
    provider = IdentityProvider.objects.create(
        association=association_default(),
        organisation=OrganisationFactory(name="Gemeente Assen"),
        name="Gemeente Assen — Entra ID",
        issuer=real.issuer,
        client_id=CLIENT_ID,
        client_secret=real.client_secret,
    )
    user = make_user("reader")
    user.first_name, user.last_name = "", ""
    user.save()
    ExternalIdentity.objects.create(
        user=user, provider=provider, issuer=real.issuer, subject=real.subject("anna")
    )

    page.goto("/inloggen/")
    section = page.get_by_role("region", name="Inloggen via je eigen organisatie")
    section.get_by_label("Organisatie").select_option(label="Gemeente Assen")
    # The page in between goes on by itself; held here (204: the browser stays) for axe.
    held = []
    page.route(START, lambda route: held.append(route.fulfill(status=204)))
    section.get_by_role("button", name="Inloggen via je organisatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Naar het inloggen bij Gemeente Assen"
    )
    _clean(page, axe_violations)
    while not held:
        page.wait_for_timeout(50)
    page.unroute(START)
    page.get_by_role("link", name="Verder naar het inloggen bij Gemeente Assen").click()
    expect(page).to_have_url(re.compile(rf"^http://127\.0\.0\.1:{real.port}/login/"))
    _at_the_provider(page, "anna")

    page.wait_for_url(f"{live_url}/")
    expect(page.get_by_role("link", name="Anna Bos")).to_be_visible()  # names from the claims
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent uitgelogd uit Samenspel")
    _clean(page, axe_violations)
    page.get_by_role("link", name="Ook uitloggen bij Gemeente Assen — Entra ID").click()
    page.wait_for_url(f"{live_url}/inloggen/")

    # The provider's session has ended: it asks again; someone Samenspel does not know
    # is sent to the bureau, without an account.
    page.goto("/inloggen/organisatie/")
    _clean(page, axe_violations)
    page.get_by_label("of vul je e-mailadres in").fill("nieuw@assen.nl")
    page.get_by_label("Organisatie").select_option(label="Gemeente Assen")
    page.get_by_role("button", name="Inloggen via je organisatie").click()
    _at_the_provider(page, "nieuw")
    page.wait_for_url(f"{live_url}/inloggen/organisatie/onbekend/")
    expect(page.get_by_role("status")).to_contain_text(
        "Je bent bij Gemeente Assen bekend, maar nog niet in Samenspel."
    )
    _clean(page, axe_violations)

    page.goto("/inloggen/organisatie/terug/?code=verzonnen&state=verzonnen")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inloggen via je organisatie is niet gelukt"
    )
    _clean(page, axe_violations)
