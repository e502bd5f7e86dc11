"""A callback never reaches this machine or an internal network in production (SSRF)."""

import pytest

from samenspel.notifications.services import address_refusal, callback_url_errors


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data",  # a cloud's metadata service
        "https://[::1]/hook",
    ],
)
def test_production_refuses_internal_addresses(url, settings):
    settings.SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES = False
    assert callback_url_errors(url) != []


def test_a_public_address_is_allowed_and_development_allows_this_machine(settings):
    settings.SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES = False
    assert address_refusal("8.8.8.8") == ""
    settings.SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES = True
    assert callback_url_errors("http://127.0.0.1:8000/hook") == []
    assert callback_url_errors("http://example.org/hook") != []  # http only to this machine
