"""The bureau's users pages (issue 17): last sign-in and how, active sessions that the
bureau ends, deactivating (never deleting), and only the association's own users."""

from __future__ import annotations

import csv
import io
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.constants import RoleKind, SignInMethod
from samenspel.accounts.models import IdentityProvider, SignIn, User
from samenspel.accounts.tests.factories import PASSWORD
from samenspel.accounts.users.sessions import session_is_active, sessions_active
from samenspel.organisations.models import Association
from samenspel.organisations.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db
LIST = reverse("accounts:users")


def _browser(user: User) -> Client:
    """`user` signed in through the real login page, in a browser of their own."""
    browser = Client()
    response = browser.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content[:500]
    return browser


def _signed_out(browser: Client) -> bool:
    response = browser.get(reverse("accounts:account"))
    return response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


@pytest.fixture
def bureau(client, bureau_user):
    client.force_login(bureau_user)
    return client


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_list_shows_the_last_sign_in_and_how(bureau, make_user):
    local = make_user(RoleKind.READER)
    local.last_name = "Wachtwoord"
    local.save()
    _browser(local)
    sso = make_user(RoleKind.READER)
    sso.last_name = "Organisatie"
    sso.save()
    provider = IdentityProvider.objects.create(
        association=Association.objects.get(slug="vdg"),
        organisation=OrganisationFactory(name="Gemeente Assen"),
        name="Gemeente Assen — Entra ID",
        issuer="https://login.example.org/assen",
        client_id="samenspel",
    )
    SignIn.objects.create(
        user=sso,
        association=provider.association,
        method=SignInMethod.PROVIDER,
        provider=provider,
        second_factor="provider",
    )
    page = bureau.get(LIST).content.decode()
    assert "Wachtwoord, zonder tweede factor" in page
    assert "Eigen organisatie (SSO) (Gemeente Assen — Entra ID), tweede factor: via de" in page

    rows = {row[1]: row for row in _csv(bureau.get(LIST + "?format=csv"))}
    header = _csv(bureau.get(LIST + "?format=csv"))[0]
    assert header[4:8] == [
        "Laatst ingelogd",
        "Methode",
        "Identiteitsprovider",
        "Tweede factor bij inloggen",
    ]
    assert rows[local.username][5:10] == ["Wachtwoord", "", "", "nee", "1"]
    assert rows[sso.username][5:8] == [
        "Eigen organisatie (SSO)",
        "Gemeente Assen — Entra ID",
        "via de eigen organisatie",
    ]


def test_filters_search_and_second_factor(bureau, make_user, bureau_user):
    with_totp = make_user(RoleKind.READER)
    TOTPDevice.objects.create(user=with_totp, name="Telefoon", confirmed=True)
    ended = make_user(RoleKind.READER, valid_until="2020-01-01")
    gone = make_user(RoleKind.READER)
    gone.is_active = False
    gone.save()

    def listed(query: str) -> set[str]:
        return {row[1] for row in _csv(bureau.get(f"{LIST}?format=csv&{query}"))[1:]}

    everyone = {u.username for u in (with_totp, ended, gone, bureau_user)}
    assert listed("") == everyone
    assert listed("status=gedeactiveerd") == {gone.username}
    assert listed("status=actief") == everyone - {gone.username}
    assert listed("status=zonder-rol") == {ended.username}
    assert listed("status=zonder-tweede-factor") == everyone - {with_totp.username}
    assert listed(f"q={with_totp.username}") == {with_totp.username}
    page = bureau.get(reverse("accounts:user", args=[with_totp.pk])).content.decode()
    assert "Telefoon" in page and "geldt nu" in page
    assert "geldt niet nu" in bureau.get(reverse("accounts:user", args=[ended.pk])).content.decode()


def test_ending_a_session_signs_that_browser_out(bureau, make_user):
    user = make_user(RoleKind.READER)
    first, second = _browser(user), _browser(user)
    sign_ins = sessions_active(user)
    assert len(sign_ins) == 2
    newest = sign_ins[0]
    detail = bureau.get(reverse("accounts:user", args=[user.pk])).content.decode()
    end = reverse("accounts:user_end_session", args=[user.pk, newest.pk])
    assert end in detail and "Sessie beëindigen" in detail
    assert "Ja, sessie beëindigen" in bureau.get(end).content.decode()  # asks first
    assert not _signed_out(second)

    assert bureau.post(end).status_code == 302
    assert _signed_out(second)
    assert not _signed_out(first)
    newest.refresh_from_db()
    assert newest.ended_at is not None and newest.ended_by.username.startswith("gebruiker")
    assert not session_is_active(newest)

    bureau.post(reverse("accounts:user_end_sessions", args=[user.pk]))
    assert _signed_out(first)
    assert sessions_active(user) == []


def test_signing_out_ends_the_sign_in(make_user):
    user = make_user(RoleKind.READER)
    browser = _browser(user)
    [sign_in] = sessions_active(user)
    browser.post(reverse("accounts:logout"))
    sign_in.refresh_from_db()
    assert sign_in.ended_at is not None and sign_in.ended_by == user


def test_deactivating_signs_out_and_keeps_the_user_and_their_history(bureau, make_user):
    user = make_user(RoleKind.READER)
    browser = _browser(user)
    url = reverse("accounts:user_deactivate", args=[user.pk])
    assert "Ja, deactiveren" in bureau.get(url).content.decode()
    assert bureau.post(url).status_code == 302
    assert _signed_out(browser)
    user.refresh_from_db()
    assert not user.is_active
    assert user.sign_ins.count() == 1 and user.role_assignments.exists()
    assert user.username in bureau.get(LIST + "?status=gedeactiveerd").content.decode()


def test_the_bureau_cannot_deactivate_itself(bureau, bureau_user):
    response = bureau.post(reverse("accounts:user_deactivate", args=[bureau_user.pk]))
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Je kunt jezelf niet deactiveren: vraag een collega van het bureau." in texts
    bureau_user.refresh_from_db()
    assert bureau_user.is_active


@pytest.mark.parametrize("role", [RoleKind.READER, RoleKind.PORTFOLIO_CHAIR])
def test_others_than_the_bureau_are_refused(client, make_user, portfolio, role):
    scope = {"portfolio": portfolio} if role == RoleKind.PORTFOLIO_CHAIR else {}
    client.force_login(make_user(role, **scope))
    other = make_user(RoleKind.READER)
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("accounts:user", args=[other.pk])).status_code == 403
    assert client.post(reverse("accounts:user_deactivate", args=[other.pk])).status_code == 403
    other.refresh_from_db()
    assert other.is_active


def test_the_users_of_another_association_are_not_there(bureau, make_user):
    b = Association.objects.create(slug="voorbeeld", name="Voorbeeldregio")
    theirs = make_user(RoleKind.READER, association=b)
    assert theirs.username not in bureau.get(LIST).content.decode()
    assert bureau.get(reverse("accounts:user", args=[theirs.pk])).status_code == 404
    assert bureau.post(reverse("accounts:user_deactivate", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active


def _live_session() -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.create()
    return store.session_key


def _many_users(make_user, count: int, provider: IdentityProvider) -> None:
    for _ in range(count):
        user = make_user(RoleKind.READER)
        user.person = PersonFactory()
        user.save()
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        SignIn.objects.create(
            user=user,
            association=provider.association,
            method=SignInMethod.PROVIDER,
            provider=provider,
            session_key=_live_session(),
        )


def test_the_list_costs_the_same_queries_for_more_rows(
    bureau, make_user, django_assert_num_queries
):
    provider = IdentityProvider.objects.create(
        association=Association.objects.get(slug="vdg"),
        organisation=OrganisationFactory(),
        name="Provider",
        issuer="https://login.example.org/p",
        client_id="samenspel",
    )
    _many_users(make_user, 2, provider)
    bureau.get(LIST)  # the session's first writes are not the list's
    with CaptureQueriesContext(connection) as few:
        assert bureau.get(LIST).status_code == 200
    _many_users(make_user, 10, provider)
    with django_assert_num_queries(len(few.captured_queries)):
        page = bureau.get(LIST)
    rows = page.context["rows"]
    assert len(rows) == 13 and sum(row.active_sessions for row in rows) == 12
    with CaptureQueriesContext(connection) as export_few:
        bureau.get(LIST + "?format=xlsx")
    _many_users(make_user, 5, provider)
    with django_assert_num_queries(len(export_few.captured_queries)):
        assert bureau.get(LIST + "?format=xlsx").status_code == 200


def test_the_dashboard_link_is_for_the_bureau(bureau_user, reader_user):
    from samenspel.accounts.users.views import users_shortcuts

    [link] = users_shortcuts(user=bureau_user, association=None)
    assert link.url == LIST
    assert users_shortcuts(user=reader_user, association=None) == []
