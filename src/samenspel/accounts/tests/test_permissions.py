"""The permission predicates per role and object, and the admin open only to the bureau."""

import pytest
from django.db import IntegrityError, transaction

from samenspel.accounts import permissions as perms
from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory, PortfolioFactory


@pytest.fixture
def scope(db):
    return {
        "gw": PortfolioFactory(slug="gw"),
        "ekm": PortfolioFactory(slug="ekm"),
        "assen": OrganisationFactory(slug="assen", municipality=True),
        "emmen": OrganisationFactory(slug="emmen", municipality=True),
    }


def test_bureau_may_do_everything(bureau_user, scope):
    assert perms.is_bureau(bureau_user)
    assert perms.can_edit_structure(bureau_user)
    assert perms.can_edit_portfolio(bureau_user, scope["gw"])
    assert perms.can_record_decision(bureau_user, scope["emmen"])
    assert perms.can_manage_money(bureau_user)


def test_chair_edits_only_own_portfolio(make_user, scope):
    chair = make_user(RoleKind.PORTFOLIO_CHAIR, portfolio=scope["gw"])
    assert perms.can_edit_portfolio(chair, scope["gw"])
    assert not perms.can_edit_portfolio(chair, scope["ekm"])
    assert not perms.can_edit_structure(chair)
    assert not perms.can_record_decision(chair, scope["assen"])


def test_core_group_member_edits_own_portfolio(make_user, scope):
    member = make_user(RoleKind.CORE_GROUP_MEMBER, portfolio=scope["ekm"])
    assert perms.can_edit_portfolio(member, scope["ekm"])
    assert not perms.can_edit_portfolio(member, scope["gw"])


def test_account_holder_records_only_own_organisation(make_user, scope):
    holder = make_user(RoleKind.ACCOUNT_HOLDER, organisation=scope["assen"])
    assert perms.can_record_decision(holder, scope["assen"])
    assert not perms.can_record_decision(holder, scope["emmen"])
    assert not perms.can_edit_portfolio(holder, scope["gw"])


def test_reader_and_anonymous_may_change_nothing(reader_user, scope):
    from django.contrib.auth.models import AnonymousUser

    for user in [reader_user, AnonymousUser()]:
        assert not perms.is_bureau(user)
        assert not perms.can_edit_portfolio(user, scope["gw"])
        assert not perms.can_record_decision(user, scope["assen"])


def test_inactive_bureau_user_has_no_rights(make_user):
    user = make_user(RoleKind.BUREAU)
    user.is_active = False
    assert not perms.is_bureau(user)


def test_roles_are_read_with_one_query(make_user, scope, django_assert_num_queries):
    holder = make_user(RoleKind.ACCOUNT_HOLDER, organisation=scope["assen"])
    with django_assert_num_queries(1):
        for _ in range(10):
            perms.can_record_decision(holder, scope["assen"])
            perms.can_edit_portfolio(holder, scope["gw"])


def test_a_role_must_have_the_scope_it_needs(make_user, scope):
    user = make_user()
    with pytest.raises(IntegrityError), transaction.atomic():
        user.role_assignments.create(
            association=association_default(), role=RoleKind.ACCOUNT_HOLDER
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        user.role_assignments.create(
            association=association_default(), role=RoleKind.BUREAU, portfolio=scope["gw"]
        )


def test_admin_is_open_to_the_bureau_only(client, bureau_user, reader_user):
    client.force_login(reader_user)
    assert client.get("/beheer/").status_code == 302  # to the admin's own login
    client.force_login(bureau_user)
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/organisations/organisation/").status_code == 200
