"""Where a second factor is required (production): the bureau, admin users and who sends
proposals or changes money cannot work without one, and cannot switch it off."""

from __future__ import annotations

import os
import subprocess
import sys

from django.contrib.messages import get_messages
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.second_factor.devices import recovery_codes_left, recovery_codes_make
from samenspel.accounts.tests.test_second_factor import code

SET_UP = reverse("accounts:second_factor")
REMOVE = reverse("accounts:second_factor_remove")


def verified(client, user, device) -> None:
    """Signed in, second step passed with `device`."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_production_settings_require_a_second_factor():
    # The production settings refuse to load without a database URL and a real secret.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SAMENSPEL_SECOND_FACTOR_REQUIRED", "DJANGO_SETTINGS_MODULE", "DEBUG")
    }
    env |= {"DATABASE_URL": "postgres://samenspel@db.invalid/samenspel", "SECRET_KEY": "s" * 60}
    script = (
        "from samenspel.conf import production; print(production.SAMENSPEL_SECOND_FACTOR_REQUIRED)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"


def test_where_required_the_bureau_must_set_up_a_second_factor_first(
    client, settings, vdg_data, bureau_user, make_user
):
    settings.SAMENSPEL_SECOND_FACTOR_REQUIRED = True
    client.force_login(bureau_user)
    response = client.get("/")
    assert response["Location"] == f"{SET_UP}?next=%2F"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Stel eerst een tweede factor in; dat is verplicht voor jouw rol."
    ]
    assert client.get("/beheer/")["Location"].startswith(SET_UP)
    api = client.get("/api/v1/afspraken")
    assert (api.status_code, api["Content-Type"]) == (403, "application/problem+json")
    assert "verplicht voor jouw rol" in client.get(SET_UP).content.decode()

    # Setting up an app is the way in.
    client.get(reverse("accounts:second_factor_totp"))
    device = TOTPDevice.objects.get(user=bureau_user)
    client.post(reverse("accounts:second_factor_totp"), {"name": "App", "token": code(device)})
    assert client.get("/").status_code == 200

    reader = make_user("reader")
    client.force_login(reader)
    assert client.get("/").status_code == 200
    demo = make_user("bureau")
    demo.is_demo = True
    demo.save(update_fields=["is_demo"])
    client.force_login(demo)
    assert client.get("/").status_code == 200


def test_the_last_factor_cannot_be_removed_where_it_is_required(client, settings, bureau_user):
    settings.SAMENSPEL_SECOND_FACTOR_REQUIRED = True
    app = TOTPDevice.objects.create(user=bureau_user, name="Telefoon", confirmed=True)
    recovery_codes_make(bureau_user)
    verified(client, bureau_user, app)
    data = {"device": app.persistent_id, "confirmed": "1"}
    response = client.post(REMOVE, data, follow=True)
    assert "ook een beheerder kan hem voor zichzelf niet uitzetten" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=app.pk).exists()

    # With a second app, the first can go; the session stays past its second step.
    spare = TOTPDevice.objects.create(user=bureau_user, name="Tablet", confirmed=True)
    assert "Tablet" in client.get(REMOVE, {"device": spare.persistent_id}).content.decode()
    assert client.post(REMOVE, data)["Location"] == SET_UP
    assert not TOTPDevice.objects.filter(pk=app.pk).exists()
    assert client.get("/account/").status_code == 200

    # Not required: the last one can go too, and the recovery codes with it.
    settings.SAMENSPEL_SECOND_FACTOR_REQUIRED = False
    client.post(REMOVE, {"device": spare.persistent_id, "confirmed": "1"})
    assert not TOTPDevice.objects.filter(user=bureau_user).exists()
    assert recovery_codes_left(bureau_user) == 0


def test_a_factor_of_someone_else_cannot_be_renamed_or_removed(client, make_user):
    owner, other = make_user(), make_user()
    app = TOTPDevice.objects.create(user=owner, name="Telefoon", confirmed=True)
    verified(client, other, TOTPDevice.objects.create(user=other, name="Mijn", confirmed=True))
    for url in (REMOVE, reverse("accounts:second_factor_rename")):
        assert client.post(url, {"device": app.persistent_id, "confirmed": "1"}).status_code == 404
    verified(client, owner, app)
    rename = client.post(
        reverse("accounts:second_factor_rename"), {"device": app.persistent_id, "name": "Werk"}
    )
    assert rename["Location"] == SET_UP
    app.refresh_from_db()
    assert app.name == "Werk"
