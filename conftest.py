"""Shared test fixtures: users in each role, and the demo structure when a test needs it."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated files of a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def portfolio(db):
    from samenspel.organisations.tests.factories import PortfolioFactory

    return PortfolioFactory()


@pytest.fixture
def municipality(db):
    from samenspel.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory(municipality=True)


@pytest.fixture
def make_user(db):
    from samenspel.accounts.tests.factories import UserFactory

    def make(role=None, **scope):
        user = UserFactory()
        if role:
            user.role_assignments.create(role=role, **scope)
        return user

    return make


@pytest.fixture
def bureau_user(make_user):
    return make_user("bureau")


@pytest.fixture
def reader_user(make_user):
    return make_user("reader")
