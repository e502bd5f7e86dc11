"""Minutes: sanitised drafts, approved at the next meeting, then locked; corrections apart."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samenspel.meetings.constants import MeetingStatus, MinutesStatus
from samenspel.meetings.minutes import minutes_approve, minutes_correct, minutes_mark, minutes_save
from samenspel.meetings.tests.factories import MeetingFactory, aware
from samenspel.organisations.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_meetings():
    body = BodyFactory()
    held = MeetingFactory(body=body, starts_at=aware(dt.date(2024, 3, 14)), held=True)
    following = MeetingFactory(body=body, starts_at=aware(dt.date(2024, 6, 13)))
    return held, following


def test_draft_is_sanitised(two_meetings, bureau_user):
    held, _ = two_meetings
    minutes = minutes_save(
        meeting=held,
        text='<p onclick="x()">Welkom<script>alert(1)</script></p><a href="javascript:x">k</a>',
        user=bureau_user,
    )
    assert "script" not in minutes.text and "onclick" not in minutes.text
    assert "javascript" not in minutes.text and "<p>Welkom</p>" in minutes.text


def test_approved_minutes_are_locked(two_meetings, bureau_user):
    held, following = two_meetings
    minutes = minutes_save(meeting=held, text="<p>Concept</p>", user=bureau_user)
    minutes_mark(minutes=minutes, user=bureau_user, on=dt.date(2024, 3, 20))
    with pytest.raises(ValidationError):
        minutes_approve(minutes=minutes, at_meeting=held, user=bureau_user)
    minutes_approve(
        minutes=minutes,
        at_meeting=following,
        with_changes=True,
        text="<p>Concept, met wijziging</p>",
        user=bureau_user,
    )
    minutes.refresh_from_db()
    held.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED and minutes.approved_with_changes
    assert minutes.approved_on == dt.date(2024, 6, 13)
    assert held.status == MeetingStatus.MINUTES_APPROVED

    with pytest.raises(ValidationError):
        minutes_save(meeting=held, text="<p>Stiekem anders</p>", user=bureau_user)
    minutes.refresh_from_db()
    assert minutes.text == "<p>Concept, met wijziging</p>"

    correction = minutes_correct(
        minutes=minutes, text="<p>Naam gespeld als Jansen</p>", reason="Typefout", user=None
    )
    assert minutes.corrections.get() == correction
    minutes.refresh_from_db()
    assert minutes.text == "<p>Concept, met wijziging</p>"


def test_only_marked_minutes_are_approved_and_never_at_a_cancelled_meeting(
    two_meetings, bureau_user
):
    held, following = two_meetings
    minutes = minutes_save(meeting=held, text="<p>Concept</p>", user=bureau_user)
    with pytest.raises(ValidationError, match="nog niet gereed gemeld"):
        minutes_approve(minutes=minutes, at_meeting=following, user=bureau_user)
    minutes_mark(minutes=minutes, user=bureau_user, on=dt.date(2024, 3, 20))
    following.status = MeetingStatus.CANCELLED
    following.save()
    with pytest.raises(ValidationError, match="geannuleerde vergadering"):
        minutes_approve(minutes=minutes, at_meeting=following, user=bureau_user)
