"""Roles derived from seats (accounts/derived_roles.py): the mapping per seat kind, the
signals that keep them in step, the sync that leaves hand-given roles alone, and
`roles_of` counting only the roles valid today."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from samenspel.accounts import permissions as perms
from samenspel.accounts.constants import RoleKind
from samenspel.accounts.derived_roles import derived_roles_sync
from samenspel.accounts.models import RoleAssignment
from samenspel.accounts.tests.factories import UserFactory
from samenspel.organisations.constants import BodyKind, Role
from samenspel.organisations.models import Membership
from samenspel.organisations.tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PortfolioFactory,
    PostFactory,
)

START = dt.date(2024, 1, 1)
END = dt.date(2024, 6, 30)


def _seat(kind, role=Role.MEMBER, *, portfolio=None, organisation=None):
    return PostFactory(
        body=BodyFactory(kind=kind, portfolio=portfolio), role=role, organisation=organisation
    )


def _derived(user):
    return {
        (r.role, r.portfolio_id, r.organisation_id, r.valid_from, r.valid_until)
        for r in RoleAssignment.objects.filter(user=user, membership__isnull=False)
    }


@pytest.mark.django_db
def test_each_kind_of_seat_gives_its_role():
    person = PersonFactory()
    user = UserFactory(person=person)
    portfolio = PortfolioFactory()
    assen = OrganisationFactory(municipality=True)
    seats = [
        _seat(BodyKind.BUREAU, Role.SUPPORT),
        _seat(BodyKind.PORTFOLIO_MEETING, Role.CHAIR, portfolio=portfolio),
        _seat(BodyKind.CORE_GROUP, portfolio=portfolio),
        _seat(BodyKind.CORE_GROUP_PLUS, portfolio=portfolio),
        _seat(BodyKind.ACCOUNT_HOLDERS_MEETING, organisation=assen),
        _seat(BodyKind.GENERAL_BOARD),
        # Nothing for an invited guest, however powerful the body.
        _seat(BodyKind.CORE_GROUP, Role.INVITED_GUEST, portfolio=portfolio),
    ]
    for post in seats:
        MembershipFactory(post=post, person=person, start_date=START, end_date=END)
    assert _derived(user) == {
        (RoleKind.BUREAU, None, None, START, END),
        (RoleKind.PORTFOLIO_CHAIR, portfolio.pk, None, START, END),
        (RoleKind.CORE_GROUP_MEMBER, portfolio.pk, None, START, END),
        (RoleKind.ACCOUNT_HOLDER, None, assen.pk, START, END),
        (RoleKind.READER, None, None, START, END),
    }
    # Two core group seats of one portfolio: two rows, one per membership.
    assert RoleAssignment.objects.filter(role=RoleKind.CORE_GROUP_MEMBER, user=user).count() == 2


@pytest.mark.django_db
def test_a_seat_without_its_scope_gives_only_reading():
    person = PersonFactory()
    user = UserFactory(person=person)
    MembershipFactory(post=_seat(BodyKind.PORTFOLIO_MEETING, Role.CHAIR), person=person)
    MembershipFactory(post=_seat(BodyKind.ACCOUNT_HOLDERS_MEETING), person=person)
    assert {row[0] for row in _derived(user)} == {RoleKind.READER}


@pytest.mark.django_db
def test_sync_follows_the_membership_and_leaves_hand_given_roles_alone():
    person = PersonFactory()
    user = UserFactory(person=person)
    by_hand = user.role_assignments.create(
        association=PortfolioFactory().association, role=RoleKind.READER
    )
    membership = MembershipFactory(post=_seat(BodyKind.BUREAU), person=person, start_date=START)
    assert _derived(user) == {(RoleKind.BUREAU, None, None, START, None)}
    assert not derived_roles_sync(person).changed  # idempotent

    membership.end_date = END
    membership.save()
    assert _derived(user) == {(RoleKind.BUREAU, None, None, START, END)}
    membership.delete()
    assert _derived(user) == set()
    assert RoleAssignment.objects.filter(user=user).get() == by_hand


@pytest.mark.django_db
def test_linking_an_account_to_a_person_derives_and_unlinking_removes():
    person = PersonFactory()
    MembershipFactory(post=_seat(BodyKind.GENERAL_BOARD), person=person, start_date=START)
    reader = {(RoleKind.READER, None, None, START, None)}
    # An account made for a person who holds a seat (an accepted invitation): at once.
    made = UserFactory(person=person)
    assert _derived(made) == reader
    made.person = None
    made.save(update_fields=["person"])
    assert _derived(made) == set()
    user = UserFactory()
    user.person = person
    user.save()
    assert _derived(user) == reader


@pytest.mark.django_db
def test_syncroles_brings_existing_data_in_step_once():
    person = PersonFactory()
    user = UserFactory(person=person)
    post = _seat(BodyKind.BUREAU)
    # bulk_create sends no signals: data from before this feature, or loaded in bulk.
    Membership.objects.bulk_create([Membership(post=post, person=person, start_date=START)])
    out = io.StringIO()
    call_command("syncroles", "--association", post.body.association.slug, stdout=out)
    assert f"+ {user.username}: Bureau" in out.getvalue()
    assert _derived(user) == {(RoleKind.BUREAU, None, None, START, None)}
    out = io.StringIO()
    call_command("syncroles", stdout=out)
    assert "+" not in out.getvalue() and "0 rollen aangemaakt" in out.getvalue()


@pytest.mark.django_db
def test_roles_of_counts_a_role_through_its_last_day_only(settings):
    person = PersonFactory()
    user = UserFactory(person=person)
    MembershipFactory(post=_seat(BodyKind.BUREAU), person=person, start_date=START, end_date=END)
    for today, bureau in [("2023-12-31", False), ("2024-01-01", True), ("2024-06-30", True)]:
        settings.SAMENSPEL_TODAY = today
        perms.forget_roles(user)
        assert perms.is_bureau(user) is bureau, today
    settings.SAMENSPEL_TODAY = "2024-07-01"
    perms.forget_roles(user)
    assert not perms.is_bureau(user) and not perms.takes_part(user)
