"""Configuring identity providers (the admin's form, discovery, the encrypted secret), the
choice on the login page, and an invitation accepted through the provider."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse

from samenspel.accounts.constants import SESSION_INVITATION_KEY
from samenspel.accounts.models import ExternalIdentity, IdentityProvider
from samenspel.accounts.oidc.admin import IdentityProviderForm
from samenspel.accounts.tests.factories import UserFactory
from samenspel.accounts.tests.test_oidc import _provider, _sign_in, _signed_in
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Membership
from samenspel.organisations.tests.factories import OrganisationFactory, PostFactory
from tests.oidc_provider.fixtures import CLIENT_ID, oidc_providers  # noqa: F401


def _form_data(organisation, issuer, **extra):
    return {
        "association": association_default().pk,
        "organisation": organisation.pk,
        "name": "Gemeente Assen — Entra ID",
        "is_active": "on",
        "issuer": issuer,
        "client_id": CLIENT_ID,
        "client_secret": "het-geheim",
        "scopes": "openid email profile",
        "claim_mapping": '{"email": "upn"}',
        "email_domains": "assen.nl",
        "second_factor_amr": "mfa",
        "second_factor_acr": "",
        **extra,
    }


def test_the_secret_is_stored_encrypted(db):
    provider = IdentityProvider.objects.create(
        association=association_default(),
        organisation=OrganisationFactory(),
        name="Test",
        issuer="https://login.example.org/tenant/v2.0",
        client_id="samenspel",
        client_secret="zeer-geheim-123",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT client_secret FROM accounts_identityprovider WHERE id = %s", [provider.pk]
        )
        (raw,) = cursor.fetchone()
    assert "zeer-geheim-123" not in raw
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == "zeer-geheim-123"


def test_the_admin_form_reads_the_configuration_and_keeps_the_secret(oidc_providers, db):  # noqa: F811
    real = oidc_providers["assen"]
    organisation = OrganisationFactory()
    form = IdentityProviderForm(_form_data(organisation, real.issuer))
    assert form.is_valid(), form.errors
    provider = form.save()
    assert provider.token_endpoint == f"{real.issuer}/token/"
    assert provider.end_session_endpoint == f"{real.issuer}/logout/"
    assert provider.discovered_at is not None
    assert provider.claim_mapping == {"email": "upn"}

    # Left empty, the secret stays; it is never sent back to the browser.
    provider = IdentityProvider.objects.get(pk=provider.pk)  # as the admin reads it
    form = IdentityProviderForm(
        _form_data(organisation, real.issuer, client_secret=""), instance=provider
    )
    assert "het-geheim" not in str(form["client_secret"])
    assert form.is_valid(), form.errors
    assert form.save().client_secret == "het-geheim"

    form = IdentityProviderForm(
        _form_data(organisation, f"{real.issuer}/anders", claim_mapping='{"telefoon": "x"}'),
        instance=IdentityProvider.objects.get(pk=provider.pk),
    )
    assert not form.is_valid()
    assert "onbekende sleutel telefoon" in form.errors["claim_mapping"][0]
    form = IdentityProviderForm(
        _form_data(organisation, f"{real.issuer}/anders"),
        instance=IdentityProvider.objects.get(pk=provider.pk),
    )
    assert not form.is_valid()
    assert "kon niet worden gelezen" in form.errors["issuer"][0]


def test_the_login_page_offers_the_organisations_of_the_association(client, db):
    assert "Inloggen via je eigen organisatie" not in client.get("/inloggen/").content.decode()
    provider = IdentityProvider.objects.create(
        association=association_default(),
        organisation=OrganisationFactory(name="Gemeente Assen"),
        name="Gemeente Assen",
        issuer="https://login.example.org/assen",
        client_id="samenspel",
        email_domains="assen.nl, gemeente-assen.nl",
    )
    page = client.get("/inloggen/").content.decode()
    assert "Inloggen via je eigen organisatie" in page and "Gemeente Assen" in page

    choose = reverse("accounts:sso_choose")
    start = f"{reverse('accounts:sso_start')}?provider={provider.pk}"
    # On by a page that goes on by itself: a form may not redirect to another site (CSP).
    chosen = client.get(choose, {"organisatie": provider.pk})
    assert chosen.context["start_url"] == start
    assert f'content="0; url={start}"'.replace("&", "&amp;") in chosen.content.decode()
    assert client.get(choose, {"email": "Ed@Gemeente-Assen.nl"}).context["start_url"] == start
    response = client.get(choose, {"email": "ed@elders.nl"})
    assert response.status_code == 400
    assert "Voor het e-mailadres ed@elders.nl is geen organisatie ingesteld" in (
        response.content.decode()
    )


def test_an_invitation_is_accepted_through_the_provider(client, oidc_providers, db):  # noqa: F811
    from samenspel.accounts.invitations.services import invitation_create

    organisation = OrganisationFactory(name="Gemeente Assen")
    provider = _provider(oidc_providers["assen"], organisation)
    post = PostFactory()
    invitation, _token = invitation_create(
        association_default(),
        email="nieuw@assen.nl",
        name="Nina Nieuw",
        organisation=organisation,
        post=post,
        start_date=dt.date(2024, 1, 1),
        invited_by=UserFactory(),
    )
    session = client.session
    session[SESSION_INVITATION_KEY] = invitation.pk
    session.save()

    _sign_in(client, provider, "nieuw")

    identity = ExternalIdentity.objects.get(subject=oidc_providers["assen"].subject("nieuw"))
    user = identity.user
    assert _signed_in(client) == str(user.pk)
    assert not user.has_usable_password()  # signs in through the provider only
    assert user.person.organisation == organisation
    assert Membership.objects.filter(post=post, person=user.person).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_user == user


@pytest.mark.parametrize("name", ["accounts:sso_choose", "accounts:sso_unknown"])
def test_the_sign_in_pages_answer_without_providers(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
