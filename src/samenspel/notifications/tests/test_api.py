"""The resource `abonnementen`: one's own subscriptions, the secret shown once."""

from __future__ import annotations

import pytest

from samenspel.api.testing import auth, token_for
from samenspel.notifications.models import Subscription

pytestmark = pytest.mark.django_db

URL = "/api/v1/abonnementen"
NEW = {"callbackUrl": "https://ris.example.nl/samenspel", "kanalen": ["voortgang", "besluiten"]}


def test_anonymous_gets_401(client, vdg_demo_data):
    response = client.get(URL)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")
    assert client.post(URL, NEW, content_type="application/json").status_code == 401


def test_a_system_subscribes_lists_and_unsubscribes(client, vdg_demo_data):
    bureau = auth(token_for("bureau"))
    response = client.post(URL, NEW, content_type="application/json", **bureau)
    assert response.status_code == 201, response.content
    made = response.json()
    subscription = Subscription.objects.get(pk=made["id"])
    assert made["geheim"] == subscription.secret and len(made["geheim"]) == 64
    assert made["kanalen"] == ["besluiten", "voortgang"]
    assert subscription.user.username == "bureau"
    assert subscription.association == vdg_demo_data.association
    assert response["Location"] == made["url"]

    listed = client.get(URL, **bureau).json()
    assert [row["id"] for row in _rows(listed)] == [subscription.pk]
    assert "geheim" not in _rows(listed)[0]  # shown once only
    assert "geheim" not in client.get(made["url"], **bureau).json()

    # Someone else's subscription does not exist for the reader.
    reader = auth(token_for("lezer"))
    assert _rows(client.get(URL, **reader).json()) == []
    assert client.get(made["url"], **reader).status_code == 404
    assert client.delete(made["url"], **reader).status_code == 404

    assert client.delete(made["url"], **bureau).status_code == 204
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def _rows(listed):
    return listed["resultaten"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**NEW, "callbackUrl": "http://ris.example.nl/samenspel"}, "callbackUrl"),
        ({**NEW, "callbackUrl": "geen url"}, "callbackUrl"),
        ({**NEW, "kanalen": ["facturen"]}, "kanalen"),
        ({**NEW, "kanalen": []}, "kanalen"),
    ],
)
def test_a_wrong_subscription_is_refused_naming_the_field(client, vdg_demo_data, data, field):
    response = client.post(URL, data, content_type="application/json", **auth(token_for("bureau")))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert field in [p["name"].split(".")[0] for p in response.json()["invalidParams"]]
    assert not Subscription.objects.exists()


def test_plain_http_only_to_this_machine(client, vdg_demo_data):
    data = {**NEW, "callbackUrl": "http://127.0.0.1:8001/hook"}
    response = client.post(URL, data, content_type="application/json", **auth(token_for("bureau")))
    assert response.status_code == 201


def test_a_token_needs_the_read_scope_to_subscribe(client, vdg_demo_data):
    key = token_for("bureau", "progress:write")
    response = client.post(URL, NEW, content_type="application/json", **auth(key))
    assert response.status_code == 403
    assert not Subscription.objects.exists()
