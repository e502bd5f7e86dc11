"""The demo layer on a small structure: meetings for every body with a cycle, held ones
complete, everything marked demo, and a second run changes nothing."""

import datetime as dt

import pytest

from samenspel.agenda.tests.factories import AgreementFactory
from samenspel.meetings.constants import MeetingStatus, MinutesStatus
from samenspel.meetings.demo import demo_meetings_create
from samenspel.meetings.models import Action, Meeting, MeetingCycle, Outcome
from samenspel.organisations.constants import BodyKind, Role
from samenspel.organisations.tests.factories import (
    BodyFactory,
    MembershipFactory,
    PortfolioFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def structure(settings):
    settings.SAMENSPEL_TODAY = "2024-09-01"
    portfolio = PortfolioFactory(slug="sport", abbreviation="Sport")
    pho = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio, short_name="PHO S")
    officials = BodyFactory(kind=BodyKind.OFFICIALS_MEETING, portfolio=portfolio)
    BodyFactory(kind=BodyKind.CORE_GROUP, portfolio=portfolio, prepares=officials)
    BodyFactory(kind=BodyKind.VNG_COMMITTEE)
    for body in (pho, officials):
        MembershipFactory(post=PostFactory(body=body, role=Role.MEMBER))
        MembershipFactory(post=PostFactory(body=body, role=Role.MINUTE_TAKER))
    AgreementFactory.create_batch(3, portfolio=portfolio)
    return pho


def test_demo_meetings(structure):
    created = demo_meetings_create()
    assert created == Meeting.objects.count() == 36  # 3 bodies x 4 a year x 3 years
    assert not Meeting.objects.filter(body__kind=BodyKind.VNG_COMMITTEE).exists()
    assert MeetingCycle.objects.count() == 3
    assert not Meeting.objects.filter(is_demo=False).exists()

    past = Meeting.objects.filter(starts_at__date__lt=dt.date(2024, 9, 1))
    assert (
        past.exclude(status__in=[MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED]).count() == 0
    )
    for meeting in past.filter(body=structure):
        assert meeting.items.exists() and meeting.invitations.exists()
        assert meeting.minutes.status in (MinutesStatus.APPROVED, MinutesStatus.MARKED)
    assert Outcome.objects.filter(body=structure, kind="decision").exists()
    assert Action.objects.exists() and not Action.objects.filter(is_demo=False).exists()
    latest = past.filter(body=structure).last()
    assert latest.minutes.status == MinutesStatus.MARKED  # approved at the next meeting

    assert demo_meetings_create() == 0
    assert Meeting.objects.count() == 36
