"""API tokens: stored hashed, issued on /api-toegang/ (the key shown once) and by
`samenspel apitoken`, listed per role, revoked with a confirmation, their use shown."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.api.models import ApiToken, ApiTokenUse
from samenspel.api.testing import auth
from samenspel.api.tokens import token_create, token_find
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation

TODAY = "2024-06-15"
ORGANISATIONS = "/api/v1/organisaties"


@pytest.fixture
def demo(vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = TODAY
    return vdg_demo_data


def _issue(username: str, organisation: str | None = None, name: str = "Koppeling", **extra):
    user = User.objects.get(username=username)
    return token_create(
        association=association_default(),
        name=name,
        user=user,
        organisation=Organisation.objects.get(slug=organisation) if organisation else None,
        scopes=extra.pop("scopes", ["read"]),
        created_by=user,
        **extra,
    )


def _login(client, username: str):
    client.force_login(User.objects.get(username=username))
    return client


def _form(**values):
    return {
        "name": "Raadsinformatiesysteem",
        "scopes": ["read"],
        "expires_on": "2025-06-15",
        **values,
    }


# --- the key -----------------------------------------------------------------------------


def test_the_database_holds_the_keys_hash_never_the_key(demo):
    issued = _issue("bureau")
    row = ApiToken.objects.filter(pk=issued.token.pk).values().get()
    assert issued.key not in repr(row)
    assert row["key_hash"] == hashlib.sha256(issued.key.encode()).hexdigest()
    assert issued.key.startswith(f"sam_{row['prefix']}_")
    history = issued.token.history.values()
    assert history and all(issued.key not in repr(h) and "key_hash" not in h for h in history)
    assert token_find(issued.key) == issued.token
    assert token_find(issued.key[:-1] + ("A" if issued.key[-1] != "A" else "B")) is None
    assert token_find(f"sam_{row['prefix']}_fout") is None


def test_a_token_is_valid_for_two_years_at_most(demo):
    with pytest.raises(Exception, match="twee jaar"):
        _issue("bureau", expires_on=dt.date(2026, 6, 16))
    assert _issue("bureau", expires_on=dt.date(2026, 6, 15)).token.pk


# --- the pages ---------------------------------------------------------------------------


def test_the_bureau_issues_a_token_and_sees_its_key_once(client, demo):
    _login(client, "bureau")
    holder = User.objects.get(username="accounthouder-emmen")
    form = client.get(reverse("api_pages:create"))
    assert form.status_code == 200
    assert b"2025-06-15" in form.content  # a year by default
    response = client.post(
        reverse("api_pages:create"),
        _form(user=holder.pk, scopes=["read", "progress:write"]),
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(name="Raadsinformatiesysteem")
    key = response.context["key"]
    assert key.startswith(f"sam_{token.prefix}_") and key.encode() in response.content
    assert "één keer" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert token.user == holder and token.organisation is None
    assert token.scopes == ["progress:write", "read"] and token.expires_on == dt.date(2025, 6, 15)
    assert token.created_by.username == "bureau"
    for page in (reverse("api_pages:list"), reverse("api_pages:uses", args=[token.pk])):
        shown = client.get(page)
        assert shown.status_code == 200 and token.name.encode() in shown.content
        assert key.encode() not in shown.content
    assert client.get(ORGANISATIONS, **auth(key)).status_code == 200


def test_a_form_error_issues_nothing(client, demo):
    _login(client, "bureau")
    response = client.post(
        reverse("api_pages:create"),
        _form(user=User.objects.get(username="lezer").pk, expires_on="2027-01-01", scopes=[]),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"expires_on", "scopes"}
    assert not ApiToken.objects.exists()


def test_an_account_holder_issues_only_for_themselves_and_their_organisation(client, demo):
    _login(client, "accounthouder-assen")
    holder = User.objects.get(username="accounthouder-assen")
    assen, emmen = (Organisation.objects.get(slug=s) for s in ("assen", "emmen"))
    form = client.get(reverse("api_pages:create")).context["form"]
    assert list(form.fields["user"].queryset) == [holder]
    assert list(form.fields["organisation"].queryset) == [assen]
    refused = [
        _form(user=holder.pk, organisation=emmen.pk),
        _form(user=User.objects.get(username="bureau").pk, organisation=assen.pk),
        _form(user=holder.pk),  # an account holder's token names their organisation
    ]
    for data in refused:
        assert client.post(reverse("api_pages:create"), data).status_code == 200
    assert not ApiToken.objects.exists()
    response = client.post(
        reverse("api_pages:create"), _form(user=holder.pk, organisation=assen.pk)
    )
    assert response.context["key"]
    assert ApiToken.objects.get().organisation == assen


def test_the_list_shows_each_role_its_tokens(client, demo):
    assen = _issue("accounthouder-assen", "assen", name="Assen koppeling").token
    emmen = _issue("accounthouder-emmen", "emmen", name="Emmen koppeling").token
    revoked = _issue("bureau", name="Oud dashboard").token
    revoked.revoked_at = revoked.created_at
    revoked.save()
    bureau = _login(client, "bureau").get(reverse("api_pages:list"))
    rows = {row["token"].name: row["state"] for row in bureau.context["rows"]}
    assert rows == {
        "Assen koppeling": "active",
        "Emmen koppeling": "active",
        "Oud dashboard": "revoked",
    }
    holder = _login(client, "accounthouder-assen").get(reverse("api_pages:list"))
    assert [row["token"] for row in holder.context["rows"]] == [assen]
    assert b"Emmen koppeling" not in holder.content
    assert client.get(reverse("api_pages:uses", args=[emmen.pk])).status_code == 403
    assert client.get(reverse("api_pages:revoke", args=[emmen.pk])).status_code == 403
    for username in ("lezer", "voorzitter-gw"):
        assert _login(client, username).get(reverse("api_pages:list")).status_code == 403


def test_the_dashboard_links_the_token_pages_for_who_may_use_them(demo):
    from samenspel.api.token_views import api_token_shortcuts

    association = association_default()
    for username, shown in [("bureau", True), ("accounthouder-emmen", True), ("lezer", False)]:
        links = api_token_shortcuts(
            user=User.objects.get(username=username), association=association
        )
        assert [s.url for s in links] == ([reverse("api_pages:list")] if shown else [])


def test_the_list_says_when_there_are_no_tokens(client, demo):
    response = _login(client, "bureau").get(reverse("api_pages:list"))
    assert "nog geen API-tokens" in response.content.decode()


def test_revoking_asks_first_and_the_token_stops_at_once(client, demo):
    issued = _issue("accounthouder-assen", "assen")
    assert client.get(ORGANISATIONS, **auth(issued.key)).status_code == 200
    _login(client, "accounthouder-assen")
    url = reverse("api_pages:revoke", args=[issued.token.pk])
    question = client.get(url)
    assert question.status_code == 200 and "intrekken?" in question.content.decode()
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None
    assert client.post(url).status_code == 302
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None
    assert issued.token.history.first().history_user.username == "accounthouder-assen"
    client.logout()
    assert client.get(ORGANISATIONS, **auth(issued.key)).status_code == 401


def test_the_use_log_shows_the_latest_calls(client, demo):
    issued = _issue("accounthouder-assen", "assen")
    client.get(ORGANISATIONS + "?pagina=1", **auth(issued.key))
    client.get(ORGANISATIONS + "/0", **auth(issued.key))
    page = _login(client, "bureau").get(reverse("api_pages:uses", args=[issued.token.pk]))
    uses = page.context["uses"]
    assert [(u.method, u.path, u.status) for u in uses] == [
        ("GET", ORGANISATIONS + "/0", 404),
        ("GET", ORGANISATIONS + "?pagina=1", 200),
    ]
    assert (ORGANISATIONS + "/0").encode() in page.content
    ApiTokenUse.objects.bulk_create(
        ApiTokenUse(token=issued.token, method="GET", path="/x", status=200) for _ in range(120)
    )
    page = client.get(reverse("api_pages:uses", args=[issued.token.pk]))
    assert len(page.context["uses"]) == 100


# --- the command -------------------------------------------------------------------------


def _command(*args: str) -> str:
    out = io.StringIO()
    call_command("apitoken", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_only_the_key(demo):
    out = _command(
        "create",
        "--user=accounthouder-assen",
        "--scope=read",
        "--scope=decisions:write",
        "--organisation=assen",
        "--expires=2025-01-31",
        "--name=Zaaksysteem",
    )
    key = out.strip()
    assert out == key + "\n" and key.startswith("sam_")
    token = token_find(key)
    assert token.name == "Zaaksysteem" and token.organisation.slug == "assen"
    assert token.scopes == ["decisions:write", "read"] and token.expires_on == dt.date(2025, 1, 31)
    default = token_find(_command("create", "--user=bureau", "--scope=read").strip())
    assert default.expires_on == dt.date(2025, 6, 15) and default.name == "script bureau"
    listing = _command("list")
    assert token.prefix in listing and "Zaaksysteem" in listing and key not in listing
    assert "ingetrokken" in _command("revoke", token.prefix)
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scope=read"], "Geef --user"),
        (["--user=bureau"], "ten minste één --scope"),
        (["--user=niemand", "--scope=read"], "bestaat niet"),
        (["--user=bureau", "--scope=schrijven"], "Onbekende bevoegdheid"),
        (["--user=bureau", "--scope=read", "--expires=morgen"], "geen datum"),
        (["--user=bureau", "--scope=read", "--expires=2030-01-01"], "twee jaar"),
        (["--user=bureau", "--scope=read", "--organisation=nergens"], "neemt geen deel"),
        (["--user=bureau", "--scope=read", "--association=nergens"], "Onbekend samenwerking"),
    ],
)
def test_the_command_refuses_bad_input_in_dutch(demo, args, message):
    with pytest.raises(CommandError, match=message):
        _command("create", *args)
    assert not ApiToken.objects.exists()


def test_the_command_refuses_a_user_without_a_role_here(demo):
    User.objects.create_user(username="buitenstaander")
    with pytest.raises(CommandError, match="geen rol"):
        _command("create", "--user=buitenstaander", "--scope=read")
    with pytest.raises(CommandError, match="Geen token"):
        _command("revoke", "abcdefgh")


# --- the admin ---------------------------------------------------------------------------


def test_the_admin_shows_tokens_but_never_their_hash(client, demo):
    issued = _issue("accounthouder-assen", "assen", name="Beheerde koppeling")
    client.get(ORGANISATIONS, **auth(issued.key))
    _login(client, "bureau")
    listing = client.get(reverse("admin:api_apitoken_changelist"))
    assert listing.status_code == 200 and b"Beheerde koppeling" in listing.content
    page = client.get(reverse("admin:api_apitoken_change", args=[issued.token.pk]))
    assert page.status_code == 200 and ORGANISATIONS.encode() in page.content
    for response in (listing, page):
        assert issued.token.key_hash.encode() not in response.content
        assert issued.key.encode() not in response.content
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403
    client.post(
        reverse("admin:api_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [issued.token.pk]},
    )
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None


def test_prune_removes_only_uses_older_than_the_log_keeps(vdg_demo_data):
    from django.utils import timezone

    from samenspel.api.testing import token_for

    token_for("bureau", "read")
    token = ApiToken.objects.latest("pk")
    old = ApiTokenUse.objects.create(token=token, method="GET", path="/api/v1", status=200)
    new = ApiTokenUse.objects.create(token=token, method="GET", path="/api/v1", status=200)
    ApiTokenUse.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=401))
    out = io.StringIO()
    call_command("apitoken", "prune", stdout=out)
    assert list(ApiTokenUse.objects.filter(token=token)) == [new]
    assert out.getvalue().startswith("1 ")
