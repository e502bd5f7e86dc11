"""An invitation as its people meet it (issue 17): the bureau invites someone to a core
group seat, the invitee opens the link from the mail, chooses a username and password
and lands signed in; a link past its date gets a clear page. Every page passes axe-core."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.accounts.invitations.services import invitation_create
from samenspel.accounts.models import Invitation, User
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation, Post

pytestmark = pytest.mark.browser
PASSWORD = "zeven groene bomen langs het kanaal"


def _clean(page, axe_violations):
    assert axe_violations(page) == [], page.url


def _seat():
    return Post.objects.get(
        body__association=association_default(), body__slug="kerngroep-gw", label="Ambtenaar"
    )


def test_the_bureau_invites_and_the_invitee_accepts(
    page, browser, live_url, bureau, sign_in, axe_violations, mailoutbox
):
    sign_in(bureau)
    page.goto("/uitnodigingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitnodigingen")
    _clean(page, axe_violations)

    page.get_by_role("link", name="Iemand uitnodigen").click()
    _clean(page, axe_violations)
    page.get_by_label("Naam").fill("Anna de Vries")
    page.get_by_label("E-mailadres").fill("anna@assen.nl")
    page.get_by_label("Organisatie").select_option(str(Organisation.objects.get(slug="assen").pk))
    page.get_by_label("Zetel").select_option(str(_seat().pk))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Anna de Vries is uitgenodigd")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Anna de Vries")
    expect(row).to_contain_text("Open")
    _clean(page, axe_violations)

    # The invitee, in their own browser, follows the link in the mail.
    (mail,) = mailoutbox
    link = re.search(r"https?://\S+/uitnodiging/[\w-]+/", mail.body).group(0)
    invitee = browser.new_context(base_url=live_url, locale="nl-NL").new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Uitnodiging accepteren")
    expect(invitee.get_by_text("Kerngroep Gezondheid en Welzijn").first).to_be_visible()
    _clean(invitee, axe_violations)
    expect(invitee.get_by_label("Gebruikersnaam")).to_have_value("anna")
    invitee.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    invitee.get_by_label("Wachtwoord (nog een keer)").fill(PASSWORD)
    invitee.get_by_role("button", name="Account maken en accepteren").click()
    expect(invitee.get_by_text("Welkom bij Samenspel, Anna de Vries")).to_be_visible()
    user = User.objects.get(username="anna")
    assert user.person.organisation.slug == "assen"
    # Signed in: their own account page opens without the sign-in page.
    invitee.goto("/account/")
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Mijn account")
    invitee.context.close()


def test_an_expired_link_says_whom_to_ask(page, bureau, axe_violations):
    invitation, token = invitation_create(
        association_default(),
        email="laat@assen.nl",
        name="Laat",
        organisation=Organisation.objects.get(slug="assen"),
        post=_seat(),
        start_date=dt.date(2024, 1, 1),
        invited_by=bureau,
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(days=1)
    )
    response = page.goto(f"/uitnodiging/{token}/")
    assert response.status == 410
    expect(page.get_by_text("Deze uitnodiging is verlopen.")).to_be_visible()
    expect(page.get_by_text("nieuwe uitnodiging")).to_be_visible()
    assert page.locator("main form").count() == 0
    _clean(page, axe_violations)
