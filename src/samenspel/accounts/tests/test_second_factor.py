"""The second factor of a local account: adding an authenticator app (TOTP), recovery
codes shown once, and signing in with password + code (or a recovery code, once)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.models import SignIn
from samenspel.accounts.second_factor.devices import recovery_codes_left, recovery_codes_make
from samenspel.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/inloggen/"
VERIFY = reverse("accounts:second_factor_verify")


def code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows (`steps_ahead` 30-second steps later: each code works once,
    so a second sign-in in the same half minute uses the next one)."""
    return f"{totp(device.bin_key, step=device.step, drift=device.drift + steps_ahead):06d}"


def app_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Telefoon", confirmed=True)


def sign_in_with_password(client, user, next_url: str = ""):
    data = {"username": user.username, "password": PASSWORD}
    return client.post(f"{LOGIN}?next={next_url}" if next_url else LOGIN, data)


def test_app_set_up_shows_recovery_codes_once_and_then_sign_in_asks_for_a_code(client, mailoutbox):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("accounts:second_factor_totp"))
    body = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in body
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', body).group(1)
    assert len(secret.replace(" ", "")) == 32 and secret.split(" ")[0] == secret[:4]

    response = client.post(
        reverse("accounts:second_factor_totp"), {"name": "Telefoon werk", "token": code(device)}
    )
    assert response["Location"] == reverse("accounts:second_factor_recovery")
    device.refresh_from_db()
    assert device.confirmed and device.name == "Telefoon werk"
    assert [m.subject for m in mailoutbox] == [
        "Er is een tweede factor toegevoegd aan je Samenspel-account"
    ]
    assert "Telefoon werk" in mailoutbox[0].body

    shown = client.get(reverse("accounts:second_factor_recovery"))
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", shown.content.decode())
    assert len(codes) == 10 and recovery_codes_left(user) == 10
    assert "no-store" in shown["Cache-Control"]
    again = client.get(reverse("accounts:second_factor_recovery")).content.decode()
    assert not any(c in again for c in codes)
    assert "nog 10 herstelcodes over" in again

    client.post(reverse("accounts:logout"))
    response = sign_in_with_password(client, user, "/account/")
    assert response["Location"] == f"{VERIFY}?next=%2Faccount%2F"
    assert client.get("/account/")["Location"] == f"{VERIFY}?next=%2Faccount%2F"
    response = client.post(VERIFY, {"token": code(device, 1), "next": "/account/"})
    assert response["Location"] == "/account/"
    assert client.get("/account/").status_code == 200
    assert SignIn.objects.filter(user=user).latest("pk").second_factor == "totp"


def test_a_wrong_code_is_refused_and_the_app_then_throttles(client):
    user = UserFactory()
    device = app_for(user)
    sign_in_with_password(client, user)
    valid = {code(device, step) for step in (-1, 0, 1)}
    wrong = next(c for c in ("123456", "654321", "111111") if c not in valid)
    response = client.post(VERIFY, {"token": wrong})
    assert response.status_code == 200
    assert "De code klopt niet" in response.content.decode()
    # Straight after a failure even the right code waits (django-otp's throttling).
    response = client.post(VERIFY, {"token": code(device)})
    assert "Te veel onjuiste codes" in response.content.decode()
    assert client.get("/")["Location"].startswith(VERIFY)


def test_a_recovery_code_signs_in_once_only(client):
    user = UserFactory()
    app_for(user)
    first, *_ = recovery_codes_make(user)
    typed = f" {first[:4].upper()}-{first[4:]} "  # as copied from the page, in any case
    sign_in_with_password(client, user)
    response = client.post(VERIFY, {"token": typed, "next": "https://evil.example/"})
    assert response["Location"] == reverse("web:dashboard")  # not to another site
    assert SignIn.objects.filter(user=user).latest("pk").second_factor == "static"
    assert recovery_codes_left(user) == 9

    client.post(reverse("accounts:logout"))
    sign_in_with_password(client, user)
    response = client.post(VERIFY, {"token": typed})
    assert "al gebruikt" in response.content.decode()
    assert client.get("/")["Location"].startswith(VERIFY)


def test_an_unverified_session_reaches_only_the_second_step_and_what_it_needs(client):
    user = UserFactory()
    app_for(user)
    client.force_login(user)
    assert client.get("/")["Location"] == f"{VERIFY}?next=%2F"
    assert client.get("/account/tweede-factor/")["Location"].startswith(VERIFY)
    assert client.get("/beheer/")["Location"].startswith(VERIFY)
    api = client.get("/api/v1/afspraken")
    assert api.status_code == 403
    assert api["Content-Type"] == "application/problem+json"
    assert "tweede factor" in api.json()["detail"]
    hx = client.get("/agenda/afspraken/", headers={"HX-Request": "true"})
    assert hx.status_code == 204 and hx["HX-Redirect"].startswith(VERIFY)
    assert client.get(VERIFY).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:login")


@pytest.mark.parametrize("has_app", [False, True])
def test_the_sign_in_asks_for_the_second_step_only_of_users_with_a_device(client, has_app):
    user = UserFactory()
    if has_app:
        app_for(user)
    response = sign_in_with_password(client, user)
    assert response["Location"].startswith(VERIFY) is has_app
    # The verify page sends a user without anything to verify on.
    assert client.get(VERIFY).status_code == (200 if has_app else 302)


def test_the_login_page_marks_the_demo_and_the_account_page_the_second_factor(client):
    assert "Demo: de demo-accounts" not in client.get(LOGIN).content.decode()
    UserFactory(is_demo=True)
    cache.clear()  # whether demo accounts exist is cached for a minute
    assert "in productie is een tweede factor verplicht" in client.get(LOGIN).content.decode()

    client.force_login(UserFactory())
    page = client.get("/account/").content.decode()
    assert "Je hebt geen tweede factor ingesteld." in page
    assert f'href="{reverse("accounts:second_factor")}"' in page
    try:
        history = reverse("accounts:history")
    except NoReverseMatch:  # helper C2's page, not yet in the URL conf
        return
    assert f'href="{history}"' in page
