"""Sign-in through an organisation's own identity provider, against a real OpenID Connect
provider (django-oauth-toolkit in its own process: tests/oidc_provider), never a mock."""

from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from samenspel.accounts.constants import (
    SESSION_ID_TOKEN_KEY,
    SESSION_PROVIDER_KEY,
    SESSION_PROVIDER_SECOND_FACTOR_KEY,
    SignInMethod,
)
from samenspel.accounts.models import ExternalIdentity, IdentityProvider, SignIn, User
from samenspel.accounts.tests.factories import UserFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Association
from samenspel.organisations.tests.factories import OrganisationFactory, PersonFactory
from tests.oidc_provider.fixtures import (  # noqa: F401 (the fixture)
    CLIENT_ID,
    oidc_providers,
    provider_sign_in,
)

DASHBOARD = reverse("web:dashboard")


def _provider(real, organisation, association=None, **extra):
    return IdentityProvider.objects.create(
        association=association or association_default(),
        organisation=organisation,
        name=f"{organisation.name} — testprovider",
        issuer=real.issuer,
        client_id=CLIENT_ID,
        client_secret=real.client_secret,
        **extra,
    )


@pytest.fixture
def assen(oidc_providers, db):  # noqa: F811
    organisation = OrganisationFactory(slug="assen-sso", name="Gemeente Assen")
    return _provider(oidc_providers["assen"], organisation, email_domains="assen.nl")


def _identity(user, provider, subject):
    return ExternalIdentity.objects.create(
        user=user, provider=provider, issuer=provider.issuer, subject=subject
    )


def _start(client, provider, host="testserver"):
    response = client.get(reverse("accounts:sso_start"), {"provider": provider.pk}, HTTP_HOST=host)
    assert response.status_code == 302, response.content
    return response["Location"]


def _back(client, callback, host="testserver"):
    parts = urlsplit(callback)
    return client.get(f"{parts.path}?{parts.query}", HTTP_HOST=host)


def _sign_in(client, provider, username, browser=None):
    return _back(client, provider_sign_in(_start(client, provider), username, browser=browser))


def _signed_in(client):
    return client.session.get("_auth_user_id")


def test_a_matched_user_signs_in_by_issuer_and_subject(client, assen, oidc_providers, mailoutbox):  # noqa: F811
    user = UserFactory(email="oud@assen.nl", first_name="Oud")
    identity = _identity(user, assen, oidc_providers["assen"].subject("anna"))

    response = _sign_in(client, assen, "anna")

    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert _signed_in(client) == str(user.pk)
    assert client.session[SESSION_PROVIDER_KEY] == assen.pk
    assert client.session[SESSION_ID_TOKEN_KEY].count(".") == 2  # the id token, for logout
    assert not client.session.get(SESSION_PROVIDER_SECOND_FACTOR_KEY)  # amr: pwd only
    sign_in = SignIn.objects.get(user=user)
    assert (sign_in.method, sign_in.provider_id, sign_in.second_factor) == (
        SignInMethod.PROVIDER,
        assen.pk,
        "",
    )
    user.refresh_from_db()
    assert (user.email, user.first_name, user.last_name) == ("anna@assen.nl", "Anna", "Bos")
    identity.refresh_from_db()
    assert identity.last_used_at is not None
    # The first sign-in through this provider is told by mail; the next one is not.
    assert [m.subject for m in mailoutbox] == [
        "Je bent ingelogd via een nieuwe identiteitsprovider"
    ]
    assert assen.name in mailoutbox[0].body
    client.logout()
    _sign_in(client, assen, "anna")
    assert _signed_in(client) == str(user.pk) and len(mailoutbox) == 1


def test_an_unknown_subject_is_refused_even_with_a_known_email(client, assen):
    # Same e-mail address as the provider's user, but no identity: never matched by e-mail.
    UserFactory(email="anna@assen.nl")
    users = User.objects.count()

    response = _sign_in(client, assen, "anna")

    assert response["Location"] == reverse("accounts:sso_unknown")
    page = client.get(response["Location"]).content.decode()
    assert "Je bent bij Gemeente Assen bekend, maar nog niet in Samenspel." in page
    assert "Vraag het bureau van" in page
    assert User.objects.count() == users and not ExternalIdentity.objects.exists()
    assert _signed_in(client) is None


def test_a_wrong_state_or_nonce_is_refused(client, assen, oidc_providers, caplog):  # noqa: F811
    user = UserFactory()
    _identity(user, assen, oidc_providers["assen"].subject("anna"))
    browser = requests.Session()
    callback = provider_sign_in(_start(client, assen), "anna", browser=browser)
    query = dict(parse_qsl(urlsplit(callback).query))
    forged = f"{reverse('accounts:sso_callback')}?code={query['code']}&state=niet-de-mijne"
    response = client.get(forged)
    assert response.status_code == 400
    assert "Inloggen via je organisatie is niet gelukt" in response.content.decode()
    assert "state not found" in caplog.text
    assert _signed_in(client) is None

    # A nonce that is not the one sent: the provider's id token carries the real one.
    callback = provider_sign_in(_start(client, assen), "anna", browser=browser)
    state = dict(parse_qsl(urlsplit(callback).query))["state"]
    session = client.session
    session["oidc_states"][state]["nonce"] = "een-andere-nonce"
    session.save()
    response = _back(client, callback)
    assert response.status_code == 400
    assert "De aanmelding kon niet worden gecontroleerd." in response.content.decode()
    assert "Nonce verification failed" in caplog.text
    assert _signed_in(client) is None and not SignIn.objects.exists()


def test_logout_ends_the_session_and_offers_the_providers_logout(client, assen, oidc_providers):  # noqa: F811
    user = UserFactory()
    _identity(user, assen, oidc_providers["assen"].subject("anna"))
    browser = requests.Session()
    _sign_in(client, assen, "anna", browser=browser)
    assert client.get(reverse("accounts:logout")).status_code == 405

    response = client.post(reverse("accounts:logout"))

    page = response.content.decode()
    assert response.status_code == 200 and "Je bent uitgelogd uit Samenspel" in page
    assert _signed_in(client) is None
    end_session = response.context["end_session_url"]
    assert f"Ook uitloggen bij {assen.name}" in page
    query = dict(parse_qsl(urlsplit(end_session).query))
    assert query["client_id"] == CLIENT_ID
    assert query["post_logout_redirect_uri"] == "http://testserver/inloggen/"
    # Following it ends the provider's session too: the next sign-in asks for a password.
    left = browser.get(end_session, allow_redirects=False, timeout=10)
    assert left.headers["Location"] == "http://testserver/inloggen/"
    again = browser.get(_start(client, assen), allow_redirects=True, timeout=10)
    assert 'name="password"' in again.text


def test_two_organisations_with_two_providers_each_match_their_own_users(
    client,
    assen,
    oidc_providers,  # noqa: F811
):
    emmen = _provider(oidc_providers["emmen"], OrganisationFactory(slug="emmen-sso", name="Emmen"))
    from_assen, from_emmen = UserFactory(), UserFactory()
    _identity(from_assen, assen, oidc_providers["assen"].subject("anna"))
    _identity(from_emmen, emmen, oidc_providers["emmen"].subject("erik"))
    # Both providers number their users from 1: only issuer and subject together match.
    assert oidc_providers["assen"].subject("anna") == oidc_providers["emmen"].subject("erik")

    _sign_in(client, emmen, "erik")
    assert _signed_in(client) == str(from_emmen.pk)
    client.logout()
    _sign_in(client, assen, "anna")
    assert _signed_in(client) == str(from_assen.pk)


def test_another_associations_provider_is_refused_on_the_vdg_host(client, oidc_providers, db):  # noqa: F811
    association_default()
    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    theirs = _provider(oidc_providers["assen"], OrganisationFactory(), association=other)
    user = UserFactory()
    _identity(user, theirs, oidc_providers["assen"].subject("anna"))

    # Not offered here at all...
    response = client.get(reverse("accounts:sso_start"), {"provider": theirs.pk})
    assert response.status_code == 404
    # ...and a sign-in started on B's host is not finished on the VDG's.
    callback = provider_sign_in(_start(client, theirs, host="elders.localhost"), "anna")
    response = _back(client, callback, host="testserver")
    assert response.status_code == 403
    assert "Inloggen via deze organisatie kan hier niet" in response.content.decode()
    assert _signed_in(client) is None


def test_an_address_outside_the_providers_domains_is_refused(client, assen, oidc_providers):  # noqa: F811
    _identity(UserFactory(), assen, oidc_providers["assen"].subject("prive"))
    response = _sign_in(client, assen, "prive")
    assert response.status_code == 403
    assert "piet@example.org hoort niet bij een domein van Gemeente Assen" in (
        response.content.decode()
    )
    assert _signed_in(client) is None


def test_a_deactivated_user_is_refused(client, assen, oidc_providers):  # noqa: F811
    _identity(UserFactory(is_active=False), assen, oidc_providers["assen"].subject("anna"))
    response = _sign_in(client, assen, "anna")
    assert response.status_code == 403 and "gedeactiveerd" in response.content.decode()
    assert _signed_in(client) is None


def test_the_providers_mfa_counts_as_the_second_factor(client, assen, oidc_providers):  # noqa: F811
    user = UserFactory()
    _identity(user, assen, oidc_providers["assen"].subject("marit"))
    _sign_in(client, assen, "marit")
    assert _signed_in(client) == str(user.pk)
    assert client.session[SESSION_PROVIDER_SECOND_FACTOR_KEY] is True
    assert SignIn.objects.get(user=user).second_factor == "provider"


def test_a_signed_in_user_links_their_organisations_account(client, assen, oidc_providers):  # noqa: F811
    user = UserFactory(person=PersonFactory(organisation=assen.organisation))
    client.force_login(user)
    assert "Koppel je account van Gemeente Assen" in _account_part(user)

    response = client.post(reverse("accounts:sso_link"), {"provider": assen.pk})
    callback = provider_sign_in(client.get(response.context["start_url"])["Location"], "anna")
    response = _back(client, callback)

    assert response["Location"] == reverse("accounts:account")
    identity = ExternalIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (
        assen.issuer,
        oidc_providers["assen"].subject("anna"),
    )
    assert _signed_in(client) == str(user.pk)
    assert "Gekoppeld aan Gemeente Assen — testprovider" in _account_part(user)


def _account_part(user):
    """The account page's part about linking (account.html includes it)."""
    request = RequestFactory().get("/account/")
    request.user, request.association = user, association_default()
    return render_to_string("accounts/oidc/_account_link.html", request=request)
