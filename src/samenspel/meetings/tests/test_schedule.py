"""The year's schedule from the cycles: counts, holidays and summer skipped, preparations linked."""

import datetime as dt

import holidays
import pytest

from samenspel.meetings.models import Meeting, MeetingCycle
from samenspel.meetings.schedule import ClosedDays, cycle_days, schedule_generate
from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import BodyFactory, PortfolioFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    """PHO ← officials' meeting ← core group, and PHO ← core group plus, of one portfolio."""
    portfolio = PortfolioFactory()
    pho = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio)
    officials = BodyFactory(kind=BodyKind.OFFICIALS_MEETING, portfolio=portfolio)
    core = BodyFactory(kind=BodyKind.CORE_GROUP, portfolio=portfolio, prepares=officials)
    plus = BodyFactory(kind=BodyKind.CORE_GROUP_PLUS, portfolio=portfolio, prepares=pho)
    MeetingCycle.objects.create(body=pho, per_year=4, weekday=3)
    MeetingCycle.objects.create(body=officials, follows_prepared=True, days_before=14)
    MeetingCycle.objects.create(body=core, follows_prepared=True, days_before=7)
    MeetingCycle.objects.create(body=plus, follows_prepared=True, days_before=5)
    return pho, officials, core, plus


def test_cycle_counts_and_preparations_linked(chain):
    pho, officials, core, plus = chain
    created = schedule_generate(association=association_default(), year=2025)
    assert len(created) == 16
    for body in chain:
        assert Meeting.objects.filter(body=body).count() == 4
    for meeting in Meeting.objects.filter(body=pho):
        assert meeting.date.weekday() == 3
        officials_meeting = meeting.prepared_by.get(body=officials)
        assert officials_meeting.date < meeting.date
        assert officials_meeting.prepared_by.get(body=core).date < officials_meeting.date
        assert meeting.prepared_by.get(body=plus).date < meeting.date


def test_running_twice_changes_nothing(chain):
    schedule_generate(association=association_default(), year=2025)
    assert schedule_generate(association=association_default(), year=2025) == []
    assert Meeting.objects.count() == 16


def test_holidays_and_summer_window_are_skipped(chain, settings):
    settings.SAMENSPEL_SUMMER_HOLIDAY = "07-12/08-24"
    closed = ClosedDays.for_year(2026)
    dutch = holidays.Netherlands(years=2026)
    for per_year in (1, 2, 4, 10, 12, 24):
        for weekday in range(5):
            days = cycle_days(per_year=per_year, weekday=weekday, year=2026, closed=closed)
            assert len(days) == per_year
            assert not any(day in dutch for day in days)
            assert not any(dt.date(2026, 7, 12) <= day <= dt.date(2026, 8, 24) for day in days)
    schedule_generate(association=association_default(), year=2026)
    for meeting in Meeting.objects.all():
        assert meeting.date not in dutch and meeting.date.weekday() < 5
        assert not dt.date(2026, 7, 12) <= meeting.date <= dt.date(2026, 8, 24)


def test_a_holiday_target_moves_to_another_day(settings):
    # Ascension Day 2026 is Thursday 14 May; a Thursday cycle must not land on it.
    closed = ClosedDays.for_year(2026)
    assert closed.is_closed(dt.date(2026, 5, 14))
    days = cycle_days(per_year=24, weekday=3, year=2026, closed=closed)
    assert dt.date(2026, 5, 14) not in days
    settings.SAMENSPEL_SCHEDULE_HOLIDAYS = False
    assert not ClosedDays.for_year(2026).is_closed(dt.date(2026, 5, 14))


def test_annual_meetings_of_a_body_beside_its_cycle():
    board = BodyFactory(kind=BodyKind.GENERAL_BOARD)
    MeetingCycle.objects.create(body=board, per_year=6, weekday=2)
    MeetingCycle.objects.create(
        body=board, title="Algemene ledenvergadering", per_year=1, month=6, weekday=3
    )
    core = BodyFactory(kind=BodyKind.CORE_GROUP, prepares=board)
    MeetingCycle.objects.create(body=core, follows_prepared=True, days_before=7)
    schedule_generate(association=association_default(), year=2025)
    general = Meeting.objects.get(title="Algemene ledenvergadering")
    assert general.date.month == 6 and general.date.weekday() == 3
    assert Meeting.objects.filter(body=board).count() == 7
    # Only the ordinary meetings are prepared.
    assert Meeting.objects.filter(body=core).count() == 6
    assert not general.prepared_by.exists()


def test_makeschedule_command(chain):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makeschedule", "2025", stdout=out)
    assert "16 vergaderingen gepland in 2025." in out.getvalue()
    call_command("makeschedule", "2025", stdout=out)
    assert "0 vergaderingen gepland in 2025." in out.getvalue()
