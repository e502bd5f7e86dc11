import datetime as dt

import factory
from django.utils import timezone

from samenspel.meetings.constants import ActionStatus, ItemKind, MeetingStatus
from samenspel.meetings.models import Action, AgendaItem, Meeting, MeetingCycle
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import BodyFactory, PersonFactory


def aware(date: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(date, dt.time(hour, 0)))


class MeetingCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingCycle

    body = factory.SubFactory(BodyFactory, kind=BodyKind.PORTFOLIO_MEETING)
    per_year = 4


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory, kind=BodyKind.PORTFOLIO_MEETING)
    starts_at = factory.LazyFunction(lambda: aware(dt.date(2024, 3, 14)))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + dt.timedelta(hours=2))
    place = "Provinciehuis, Assen"
    status = MeetingStatus.PLANNED

    class Params:
        held = factory.Trait(status=MeetingStatus.HELD)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    body = factory.LazyAttribute(lambda i: i.meeting.body if i.meeting else BodyFactory())
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    kind = ItemKind.DISCUSSION
    order = factory.Sequence(lambda n: n)

    class Params:
        decision = factory.Trait(kind=ItemKind.DECISION)
        parked = factory.Trait(meeting=None)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    meeting = factory.SubFactory(MeetingFactory)
    body = factory.SelfAttribute("meeting.body")
    title = factory.Sequence(lambda n: f"Actie {n}")
    owner = factory.SubFactory(PersonFactory)
    created_on = factory.LazyAttribute(lambda a: a.meeting.date)
    status = ActionStatus.OPEN
