"""Lockouts behind the reverse proxy: per username and the client's real address.

With one trusted proxy the client is the last address in X-Forwarded-For (the one the
proxy appended); an attacker elsewhere cannot lock `bureau` out for everyone. Without a
configured proxy the header is ignored, so a client cannot pick its own address.
"""

import pytest

from samenspel.accounts.client_address import client_address
from samenspel.accounts.tests.factories import PASSWORD, UserFactory

LOGIN = "/inloggen/"
PROXY = "10.0.0.2"  # the proxy is what REMOTE_ADDR shows
ATTACKER = "203.0.113.5"
COLLEAGUE = "198.51.100.7"


@pytest.fixture
def bureau(db):
    return UserFactory(username="bureau")


def _login(client, password, forwarded_for):
    return client.post(
        LOGIN,
        {"username": "bureau", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_one_proxy_failures_lock_only_the_attackers_address(client, bureau, settings):
    settings.SAMENSPEL_TRUSTED_PROXIES = 1
    for _ in range(5):
        _login(client, "wrong-password-123", ATTACKER)
    assert _login(client, PASSWORD, ATTACKER).status_code == 429

    client.logout()
    response = _login(client, PASSWORD, COLLEAGUE)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(bureau.pk)


def test_a_forged_left_part_of_the_header_does_not_escape_the_lock(client, bureau, settings):
    settings.SAMENSPEL_TRUSTED_PROXIES = 1
    for n in range(5):
        _login(client, "wrong-password-123", f"192.0.2.{n}, {ATTACKER}")
    assert _login(client, PASSWORD, f"192.0.2.99, {ATTACKER}").status_code == 429


def test_without_a_proxy_the_header_is_ignored(client, bureau, settings):
    settings.SAMENSPEL_TRUSTED_PROXIES = 0
    for _ in range(5):
        _login(client, "wrong-password-123", ATTACKER)
    # Every request counts against REMOTE_ADDR, whatever the header claims.
    assert _login(client, PASSWORD, COLLEAGUE).status_code == 429


def test_client_address_rules(rf, settings):
    settings.SAMENSPEL_TRUSTED_PROXIES = 0
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert client_address(request) == PROXY

    settings.SAMENSPEL_TRUSTED_PROXIES = 1
    assert client_address(request) == ATTACKER
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{COLLEAGUE}, {ATTACKER}")
    assert client_address(request) == ATTACKER

    settings.SAMENSPEL_TRUSTED_PROXIES = 2
    assert client_address(request) == COLLEAGUE
    # Fewer addresses than proxies, or garbage: the proxy's own address (never the header).
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert client_address(request) == PROXY
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="x, not-an-address")
    assert client_address(request) == PROXY
