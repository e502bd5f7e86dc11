"""The reads the reports app builds on: meetings, decisions and open actions in a window."""

import datetime as dt

import pytest

from samenspel.meetings import selectors
from samenspel.meetings.constants import ActionStatus, MeetingStatus, OutcomeKind
from samenspel.meetings.models import Outcome
from samenspel.meetings.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    aware,
)
from samenspel.organisations.associations import association_default

pytestmark = pytest.mark.django_db


def test_meetings_between_excludes_cancelled_and_outside_window(portfolio):
    inside = MeetingFactory(starts_at=aware(dt.date(2024, 3, 14)), body__portfolio=portfolio)
    MeetingFactory(starts_at=aware(dt.date(2024, 4, 1)), status=MeetingStatus.CANCELLED)
    MeetingFactory(starts_at=aware(dt.date(2025, 1, 2)))
    last_day = MeetingFactory(starts_at=aware(dt.date(2024, 12, 31), hour=20))

    found = selectors.meetings_between(
        association=association_default(), start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
    )
    assert list(found) == [inside, last_day]
    by_portfolio = selectors.meetings_between(
        association=association_default(),
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
        portfolio=portfolio,
    )
    assert list(by_portfolio) == [inside]


def test_decisions_between_carries_number_title_meeting_and_body():
    item = AgendaItemFactory(decision=True, title="Regiobeeld vastgesteld")
    Outcome.objects.create(
        item=item,
        kind=OutcomeKind.DECISION,
        text="Vastgesteld.",
        body=item.body,
        year=2024,
        number=1,
        reference="PHO 2024-01",
    )
    decision = selectors.decisions_between(
        association=association_default(), start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
    )
    assert [(d.reference, d.item.title, d.item.meeting, d.body) for d in decision] == [
        ("PHO 2024-01", "Regiobeeld vastgesteld", item.meeting, item.body)
    ]


def test_open_actions_on_a_date():
    action = ActionFactory(created_on=dt.date(2024, 3, 14))
    ActionFactory(
        created_on=dt.date(2024, 3, 14),
        status=ActionStatus.DONE,
        closed_on=dt.date(2024, 4, 1),
    )
    assert (
        list(
            selectors.open_actions_on(association=association_default(), date=dt.date(2024, 3, 13))
        )
        == []
    )
    assert (
        len(selectors.open_actions_on(association=association_default(), date=dt.date(2024, 3, 20)))
        == 2
    )
    assert list(
        selectors.open_actions_on(association=association_default(), date=dt.date(2024, 4, 1))
    ) == [action]
    assert list(
        selectors.open_actions_on(
            association=association_default(), date=dt.date(2024, 5, 1), person=action.owner
        )
    ) == [action]
