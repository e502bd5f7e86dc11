"""An identity provider's client secret is stored encrypted, and the keys can rotate."""

import pytest
from cryptography.fernet import Fernet
from django.db import connection

from samenspel.accounts.models import IdentityProvider
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory


def _raw_secret(provider: IdentityProvider) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT client_secret FROM accounts_identityprovider WHERE id = %s", [provider.pk]
        )
        return cursor.fetchone()[0]


@pytest.fixture
def provider(db):
    return IdentityProvider.objects.create(
        association=association_default(),
        organisation=OrganisationFactory(),
        name="Gemeente Proef — Entra ID",
        issuer="https://login.example.org/proef/v2.0",
        client_id="samenspel",
        client_secret="s3cret-van-de-gemeente",
    )


def test_the_client_secret_is_not_readable_in_the_database(provider):
    assert "s3cret" not in _raw_secret(provider)
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == "s3cret-van-de-gemeente"


def test_a_new_key_in_front_rotates_without_losing_the_secret(provider, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.SAMENSPEL_FIELD_ENCRYPTION_KEYS = [old]
    provider.save()  # written with the old key
    settings.SAMENSPEL_FIELD_ENCRYPTION_KEYS = [new, old]
    rotated = IdentityProvider.objects.get(pk=provider.pk)
    assert rotated.client_secret == "s3cret-van-de-gemeente"  # read with the old key
    rotated.save()  # written again, with the new key in front
    settings.SAMENSPEL_FIELD_ENCRYPTION_KEYS = [new]
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == "s3cret-van-de-gemeente"
    settings.SAMENSPEL_FIELD_ENCRYPTION_KEYS = [old]  # a removed key cannot read it
    with pytest.raises(Exception, match="SAMENSPEL_FIELD_ENCRYPTION_KEYS"):
        IdentityProvider.objects.get(pk=provider.pk)
