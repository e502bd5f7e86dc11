"""Who gets into the API with a token, and how often: scopes, expiry, revocation, the
token's association and user, the use log, the history, and the rate limits."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import RequestFactory
from rest_framework import mixins, viewsets
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from simple_history.models import HistoricalRecords

from samenspel.accounts.models import User
from samenspel.accounts.permissions import is_anyone
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.api.models import ApiToken, ApiTokenUse, Scope
from samenspel.api.permissions import PredicatePermission
from samenspel.api.problems import PROBLEM_TYPE
from samenspel.api.testing import auth, token_for
from samenspel.api.tokens import token_find
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation

TODAY = "2024-06-15"
ORGANISATIONS = "/api/v1/organisaties"


@pytest.fixture
def demo(vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = TODAY
    return vdg_demo_data


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM_TYPE)
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


# --- who the token is --------------------------------------------------------------------


def test_a_valid_token_is_the_users_access(client, demo):
    key = token_for("bureau")
    response = client.get(ORGANISATIONS, **auth(key))
    assert response.status_code == 200 and response.json()
    assert client.get(ORGANISATIONS, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


@pytest.mark.parametrize("header", ["Token sam_00000000_onbekend", "Token", "Token a b"])
def test_an_unknown_or_malformed_token_gets_401(client, demo, header):
    response = client.get(ORGANISATIONS, HTTP_AUTHORIZATION=header)
    _problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Token")


def test_an_expired_token_gets_401(client, demo):
    key = token_for("bureau", expires_on=dt.date(2024, 6, 15))
    assert client.get(ORGANISATIONS, **auth(key)).status_code == 200  # valid through its last day
    ApiToken.objects.filter(pk=token_find(key).pk).update(expires_on=dt.date(2024, 6, 14))
    assert "verlopen" in _problem(client.get(ORGANISATIONS, **auth(key)), 401)["detail"]


def test_a_revoked_token_gets_401(client, demo):
    key = token_for("bureau")
    token = token_find(key)
    token.revoked_at = token.created_at
    token.save()
    assert "ingetrokken" in _problem(client.get(ORGANISATIONS, **auth(key)), 401)["detail"]


def test_the_token_of_a_deactivated_user_gets_401(client, demo):
    key = token_for("accounthouder-assen")
    User.objects.filter(username="accounthouder-assen").update(is_active=False)
    assert "gedeactiveerd" in _problem(client.get(ORGANISATIONS, **auth(key)), 401)["detail"]


def test_a_token_works_only_on_its_own_associations_host(client, demo):
    from samenspel.web.tests.test_isolation import association_b

    b = association_b()
    bureau = User.objects.get(username="bureau")
    bureau.role_assignments.get_or_create(association=b, role="bureau")  # the demo gives one
    key_b = token_for("bureau", association=b)
    key_a = token_for("bureau")
    assert (
        client.get(ORGANISATIONS, **auth(key_b), HTTP_HOST="voorbeeld.localhost").status_code == 200
    )
    refused = client.get(ORGANISATIONS, **auth(key_b))  # the VDG's host
    assert "ander samenwerkingsverband" in _problem(refused, 401)["detail"]
    _problem(client.get(ORGANISATIONS, **auth(key_a), HTTP_HOST="voorbeeld.localhost"), 401)


# --- scopes ------------------------------------------------------------------------------


class _Writable(mixins.ListModelMixin, viewsets.GenericViewSet):
    """A resource that writes with a scope, as voortgang and besluiten do."""

    permission = staticmethod(is_anyone)
    write_scope = Scope.PROGRESS_WRITE
    permission_classes = [PredicatePermission]
    queryset = Organisation.objects.none()

    def list(self, request, *args, **kwargs):
        return Response([])

    def create(self, request, *args, **kwargs):
        return Response({"gemaakt": True}, status=201)


def _call(method: str, key: str):
    factory = APIRequestFactory()
    request = getattr(factory, method)("/api/v1/proef", {}, format="json", **auth(key))
    request.association = association_default()
    view = _Writable.as_view({"get": "list", "post": "create"})
    return request, view(request)


def test_a_read_only_token_cannot_write(client, demo):
    read_only = token_for("bureau", "read")
    _request, response = _call("post", read_only)
    assert response.status_code == 403
    assert "progress:write" in str(response.data["detail"])
    assert response.content_type == PROBLEM_TYPE
    request, response = _call("post", token_for("bureau", "read", "progress:write"))
    assert response.status_code == 201
    assert request.api_token.scopes == ["progress:write", "read"]  # for history and log


def test_a_write_only_token_cannot_read(client, demo):
    _request, response = _call("get", token_for("bureau", "progress:write"))
    assert response.status_code == 403 and "read" in str(response.data["detail"])
    assert _call("get", token_for("bureau", "read"))[1].status_code == 200


def _progress(client, key: str, text: str):
    agreement = Agreement.objects.filter(portfolio__slug="gezondheid-en-welzijn").first()
    data = {
        "afspraak": f"http://testserver/api/v1/afspraken/{agreement.pk}",
        "status": "on_track",
        "toelichting": text,
    }
    return client.post(
        "/api/v1/voortgang", json.dumps(data), content_type="application/json", **auth(key)
    )


def test_a_read_only_token_cannot_add_progress(client, demo):
    refused = _progress(client, token_for("voorzitter-gw", "read"), "QQNIET")
    assert "progress:write" in _problem(refused, 403)["detail"]
    assert not ProgressUpdate.objects.filter(text="QQNIET").exists()


# --- the use log and the history ---------------------------------------------------------


def test_every_use_is_logged_and_last_used_set(client, demo):
    key = token_for("accounthouder-assen")
    token = token_find(key)
    assert token.last_used_at is None
    client.get(ORGANISATIONS, **auth(key), REMOTE_ADDR="192.0.2.7")
    client.get(ORGANISATIONS + "/0", **auth(key))
    client.post(ORGANISATIONS, {}, **auth(key))
    uses = list(ApiTokenUse.objects.filter(token=token).order_by("pk"))
    assert [(u.method, u.path, u.status) for u in uses] == [
        ("GET", ORGANISATIONS, 200),
        ("GET", ORGANISATIONS + "/0", 404),
        ("POST", ORGANISATIONS, 405),
    ]
    assert uses[0].address == "192.0.2.7"
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert not ApiTokenUse.objects.exclude(token=token).exists()


def test_progress_added_with_a_token_names_it_in_the_history(client, demo):
    key = token_for("voorzitter-gw", "read", "progress:write")
    response = _progress(client, key, "QQMETTOKEN")
    assert response.status_code == 201, response.content
    row = ProgressUpdate.objects.get(text="QQMETTOKEN").history.get()
    assert row.history_change_reason == f"API-token: {token_find(key).name}"
    assert row.history_user.username == "voorzitter-gw"
    use = ApiTokenUse.objects.get(token=token_find(key))
    assert (use.method, use.path, use.status) == ("POST", "/api/v1/voortgang", 201)


def test_a_change_made_with_a_token_names_it_in_the_history(demo):
    token = token_find(token_for("bureau"))
    request = RequestFactory().post("/api/v1/organisaties")
    request.user = token.user
    request.api_token = token
    organisation = Organisation.objects.get(slug="assen")
    HistoricalRecords.context.request = request
    try:
        organisation.save()
    finally:
        del HistoricalRecords.context.request
    row = organisation.history.first()
    assert row.history_change_reason == f"API-token: {token.name}"
    assert row.history_user == token.user
    organisation.save()  # outside a token's request: no token named
    assert organisation.history.first().history_change_reason is None


# --- rate limits -------------------------------------------------------------------------


def test_a_token_gets_429_after_its_limit(client, demo, settings):
    settings.SAMENSPEL_API_RATE_TOKEN = "3/min"
    key = token_for("bureau")
    for _ in range(3):
        assert client.get(ORGANISATIONS, **auth(key)).status_code == 200
    limited = client.get(ORGANISATIONS, **auth(key))
    _problem(limited, 429)
    assert 0 < int(limited["Retry-After"]) <= 60
    assert ApiTokenUse.objects.filter(status=429).count() == 1
    # The limit is the token's: another token of the same user still gets in.
    assert client.get(ORGANISATIONS, **auth(token_for("bureau"))).status_code == 200


def test_a_signed_in_user_has_the_token_limit(client, demo, settings):
    settings.SAMENSPEL_API_RATE_TOKEN = "2/min"
    settings.SAMENSPEL_API_RATE_ANONYMOUS = "100/min"
    client.force_login(User.objects.get(username="lezer"))
    assert [client.get(ORGANISATIONS).status_code for _ in range(3)] == [200, 200, 429]


def test_anonymous_callers_are_limited_per_address(client, demo, settings):
    settings.SAMENSPEL_API_RATE_ANONYMOUS = "2/min"
    statuses = [client.get(ORGANISATIONS, REMOTE_ADDR="192.0.2.1").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = client.get(ORGANISATIONS, REMOTE_ADDR="192.0.2.1")
    _problem(limited, 429)
    assert int(limited["Retry-After"]) > 0
    assert client.get(ORGANISATIONS, REMOTE_ADDR="192.0.2.2").status_code == 200
