"""One account with roles in two associations switches between them (issue 14).

The VDG is served on localhost, the example association on voorbeeld.localhost (browsers
send every *.localhost to this machine). Sessions are per host, so the account signs in
again after switching; each host shows only its own association's agreements.
"""

import re

import pytest

from samenspel.accounts.constants import RoleKind
from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Association

VDG_AGREEMENT = "IZA: regiobeeld, regioplan en transformatieplan Drenthe"
EXAMPLE_AGREEMENT = "Eén regionale woonvisie"


@pytest.fixture
def two_hats(vdg_data):
    from samenspel.accounts.tests.factories import UserFactory

    agenda_file_load(agenda_file.read("voorbeeld"))
    user = UserFactory(username="twee-petten", first_name="Tineke")
    user.role_assignments.create(association=association_default(), role=RoleKind.BUREAU)
    user.role_assignments.create(
        association=Association.objects.get(slug="voorbeeld"), role=RoleKind.READER
    )
    return user


def _sign_in_here(page, user):
    from samenspel.accounts.tests.factories import PASSWORD

    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def test_switch_between_two_associations(page, two_hats, sign_in, axe_violations, live_url):
    sign_in(two_hats)
    switcher = page.get_by_role("navigation", name="Andere samenwerkingsverbanden")
    assert switcher.get_by_role("link", name="Voorbeeldregio").is_visible()
    page.goto("/agenda/afspraken/?q=regio")
    assert page.get_by_role("link", name=VDG_AGREEMENT).is_visible()
    assert page.get_by_text(EXAMPLE_AGREEMENT).count() == 0

    page.goto("/")
    switcher.get_by_role("link", name="Voorbeeldregio").click()
    page.wait_for_load_state()
    port = re.search(r":(\d+)", live_url).group(1)
    assert page.url.startswith(f"http://voorbeeld.localhost:{port}/")
    if "/inloggen/" in page.url:  # sessions are per host
        _sign_in_here(page, two_hats)
    assert page.get_by_text("Voorbeeldregio is verzonnen").first.is_visible()
    page.goto(f"http://voorbeeld.localhost:{port}/agenda/afspraken/")
    assert page.get_by_role("link", name=EXAMPLE_AGREEMENT).is_visible()
    assert page.get_by_text(VDG_AGREEMENT).count() == 0
    # A reader here: no editing, and the VDG is one click back.
    assert page.get_by_role("link", name="Bewerken").count() == 0
    back = page.get_by_role("navigation", name="Andere samenwerkingsverbanden")
    assert back.get_by_role("link", name="VDG").is_visible()
    assert axe_violations(page) == []
