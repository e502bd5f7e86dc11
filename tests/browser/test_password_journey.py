"""The password pages: asking a reset (sent, and too often from one address: 429) and
changing a password with a refusal on screen; axe finds no WCAG 2.1 A/AA violations."""

from samenspel.accounts.constants import RoleKind


def test_reset_pages_are_accessible_also_when_limited(page, make_user, axe_violations, settings):
    settings.SAMENSPEL_PASSWORD_RESET_RATE_ADDRESS = 1
    user = make_user(RoleKind.READER)
    page.goto("/inloggen/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    assert axe_violations(page) == []
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_role("button", name="Stuur de link").click()
    assert page.get_by_role("heading", name="Kijk in je e-mail").is_visible()
    assert axe_violations(page) == []

    page.goto("/wachtwoord-vergeten/")
    page.get_by_label("E-mailadres").fill(user.email)
    with page.expect_response("**/wachtwoord-vergeten/") as answer:
        page.get_by_role("button", name="Stuur de link").click()
    assert answer.value.status == 429
    assert page.get_by_role("alert").filter(has_text="te vaak").is_visible()
    assert axe_violations(page) == []


def test_change_page_shows_a_refused_password_accessibly(page, make_user, sign_in, axe_violations):
    sign_in(make_user(RoleKind.READER))
    page.goto("/account/wachtwoord/")
    assert axe_violations(page) == []
    page.get_by_label("Oud wachtwoord").fill("correct-horse-battery-staple")
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("Welkom2024!!!!")
    page.get_by_label("Nieuw wachtwoord bevestigen").fill("Welkom2024!!!!")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    assert page.get_by_text("Dit wachtwoord komt voor in lijsten").is_visible()
    assert axe_violations(page) == []
