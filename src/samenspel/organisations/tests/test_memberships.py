import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samenspel.organisations import services
from samenspel.organisations.models import Membership
from samenspel.organisations.tests.factories import MembershipFactory, PersonFactory, PostFactory


def test_active_on_respects_start_and_end(db):
    membership = MembershipFactory(start_date=dt.date(2023, 1, 1), end_date=dt.date(2023, 12, 31))
    active = Membership.objects.active_on
    assert membership in active(dt.date(2023, 6, 1))
    assert membership in active(dt.date(2023, 12, 31))
    assert membership not in active(dt.date(2024, 1, 1))
    assert membership not in active(dt.date(2022, 12, 31))


def test_a_new_holder_ends_the_previous_one_the_day_before(bureau_user):
    old = MembershipFactory(start_date=dt.date(2023, 1, 1))
    newcomer = PersonFactory(organisation=old.person.organisation)
    services.membership_start(
        post=old.post, person=newcomer, start_date=dt.date(2024, 3, 1), user=bureau_user
    )
    old.refresh_from_db()
    assert old.end_date == dt.date(2024, 2, 29)
    holders = Membership.objects.active_on(dt.date(2024, 3, 1)).filter(post=old.post)
    assert [m.person for m in holders] == [newcomer]
    assert old.history.first().history_user == bureau_user


def test_a_seat_of_an_organisation_takes_someone_of_that_organisation(bureau_user):
    post = PostFactory(organisation=PersonFactory().organisation)
    stranger = PersonFactory()
    with pytest.raises(ValidationError):
        services.membership_start(
            post=post, person=stranger, start_date=dt.date(2024, 1, 1), user=bureau_user
        )
    assert not Membership.objects.exists()
