"""Actions stay on the body's list, and are carried to every next meeting, until closed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samenspel.meetings import selectors
from samenspel.meetings.constants import ActionStatus
from samenspel.meetings.outcomes import action_add, action_close
from samenspel.meetings.tests.factories import MeetingFactory, aware
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import BodyFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_open_actions_are_carried_over_until_closed(bureau_user):
    body = BodyFactory()
    first, second, third, fourth = (
        MeetingFactory(body=body, starts_at=aware(dt.date(2024, month, 10)))
        for month in (2, 4, 6, 9)
    )
    owner = PersonFactory()
    action = action_add(
        meeting=first, title="Notitie over regiobeeld", owner=owner, user=bureau_user
    )
    assert list(selectors.meeting_open_actions(meeting=first)) == []
    assert list(selectors.meeting_open_actions(meeting=second)) == [action]
    assert list(selectors.meeting_open_actions(meeting=third)) == [action]

    action_close(
        action=action, status=ActionStatus.DONE, closed_on=dt.date(2024, 7, 1), user=bureau_user
    )
    # Third meeting (June) still saw it open; after closing it is no longer carried.
    assert list(selectors.meeting_open_actions(meeting=third)) == [action]
    assert list(selectors.meeting_open_actions(meeting=fourth)) == []
    assert (
        list(
            selectors.open_actions_on(
                association=association_default(), date=dt.date(2024, 9, 1), person=owner
            )
        )
        == []
    )


def test_closing_rules(bureau_user):
    meeting = MeetingFactory(starts_at=aware(dt.date(2024, 3, 1)))
    action = action_add(meeting=meeting, title="X", owner=PersonFactory(), user=None)
    with pytest.raises(ValidationError):
        action_close(
            action=action, status=ActionStatus.DONE, closed_on=dt.date(2024, 2, 1), user=None
        )
    action_close(
        action=action, status=ActionStatus.CANCELLED, closed_on=dt.date(2024, 3, 5), user=None
    )
    with pytest.raises(ValidationError):
        action_close(
            action=action, status=ActionStatus.DONE, closed_on=dt.date(2024, 3, 6), user=None
        )
