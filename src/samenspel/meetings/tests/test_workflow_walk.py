"""Meetings and minutes cannot be broken: in every state the page offers exactly the
steps the rules allow; an offered step asks first (the status changes and marking the
minutes ready, "Weet je het zeker?") and then succeeds; every other step is refused
with its Dutch reason and changes nothing (issue 19).

Walked as the bureau, and as a reader and another portfolio's chair (who may take none).
"""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse

from samenspel.meetings import workflow
from samenspel.meetings.constants import MeetingStatus, MinutesStatus
from samenspel.meetings.models import Meeting, Minutes
from samenspel.meetings.tests.factories import MeetingFactory, aware
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import BodyFactory, PortfolioFactory

pytestmark = pytest.mark.django_db

PAST, FUTURE = dt.date(2024, 3, 14), dt.date(2024, 9, 12)
MEETING_STATES = {
    "planned, to come": (MeetingStatus.PLANNED, FUTURE),
    "planned, past": (MeetingStatus.PLANNED, PAST),
    "agenda sent, to come": (MeetingStatus.AGENDA_SENT, FUTURE),
    "held": (MeetingStatus.HELD, PAST),
    "minutes approved": (MeetingStatus.MINUTES_APPROVED, PAST),
    "cancelled": (MeetingStatus.CANCELLED, FUTURE),
}
OFFERED = {
    "planned, to come": ["send", "agenda_sent", "cancelled"],
    "planned, past": ["send", "agenda_sent", "held", "cancelled"],
    "agenda sent, to come": ["send", "cancelled"],
    "held": [],
    "minutes approved": [],
    "cancelled": ["planned"],
}


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"


@pytest.fixture
def body(portfolio):
    return BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio, short_name="PHO X")


def content(response) -> str:
    return html.unescape(response.content.decode())


def offered_steps(client, meeting: Meeting, key: str) -> tuple[list[str], object]:
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200
    steps = page.context[key]
    text = content(page)
    for step in steps:
        assert step.label in text
        assert (step.reason in text) if step.reason else (f'href="{step.url}"' in text)
    return [s.name for s in steps.available], steps


@pytest.mark.parametrize("state", MEETING_STATES)
def test_meeting_status_steps(client, bureau_user, body, state):
    client.force_login(bureau_user)
    status, date = MEETING_STATES[state]

    def make() -> Meeting:
        return MeetingFactory(body=body, starts_at=aware(date), status=status)

    offered, _steps = offered_steps(client, make(), "steps")
    assert offered == OFFERED[state]
    for target in MeetingStatus.values:
        meeting = make()
        url = reverse("meetings:status", args=[meeting.pk])
        if target in offered:
            question = client.get(url, {"status": target})
            assert question.status_code == 200
            assert 'name="status"' in content(question)
            client.post(url, {"status": target})
            meeting.refresh_from_db()
            assert meeting.status == target and meeting.sequence == 1, (state, target)
            continue
        reason = workflow.status_refusal(meeting, target, on=dt.date(2024, 7, 1))
        assert reason, (state, target)
        for method in (client.get, client.post):
            response = method(url, {"status": target}, follow=True)
            assert reason in content(response), (state, target)
        meeting.refresh_from_db()
        assert (meeting.status, meeting.sequence, meeting.version) == (status, 0, 1)
    if "send" not in offered:  # mailing the agenda of a held or cancelled meeting
        meeting = make()
        reason = workflow.agenda_send_refusal(meeting)
        send = client.post(reverse("meetings:send", args=[meeting.pk]), {}, follow=True)
        assert reason and reason in content(send)


def test_cancelling_asks_names_the_consequences_and_can_be_undone(client, bureau_user, body):
    client.force_login(bureau_user)
    meeting = MeetingFactory(body=body, starts_at=aware(FUTURE))
    url = reverse("meetings:status", args=[meeting.pk])
    page = content(client.get(url, {"status": "cancelled"}))
    assert "Weet je zeker dat je" in page and "openbare planning" in page
    assert "plan de vergadering daarna weer in" in page
    fragment = client.get(url, {"status": "cancelled"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and "autofocus" in fragment.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED  # asking changes nothing
    done = content(client.post(url, {"status": "cancelled"}, follow=True))
    assert "Ongedaan maken kan met 'Weer inplannen'" in done
    client.post(url, {"status": "planned"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED and meeting.sequence == 2


MINUTES_STATES = ("none", "empty draft", "draft", "marked", "marked, no later meeting", "approved")
MINUTES_OFFERED = {
    "none": ["write"],
    "empty draft": ["write"],
    "draft": ["write", "mark"],
    "marked": ["write", "approve"],
    "marked, no later meeting": ["write"],
    "approved": ["correct"],
}
MINUTES_URLS = {
    "write": "meetings:minutes_edit",
    "mark": "meetings:minutes_mark",
    "approve": "meetings:minutes_approve",
    "correct": "meetings:minutes_correct",
}


def make_minutes(portfolio, state: str) -> tuple[Meeting, Meeting]:
    """A held meeting (in a body of its own) with minutes in `state`, and the body's next
    meeting (cancelled when there is to be none)."""
    body = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio)
    meeting = MeetingFactory(body=body, starts_at=aware(PAST), status=MeetingStatus.HELD)
    later = MeetingFactory(body=body, starts_at=aware(dt.date(2024, 6, 13)), status="held")
    if state == "marked, no later meeting":
        later.status = MeetingStatus.CANCELLED
        later.save()
    status = {
        "marked": MinutesStatus.MARKED,
        "marked, no later meeting": MinutesStatus.MARKED,
        "approved": MinutesStatus.APPROVED,
    }.get(state, MinutesStatus.DRAFT)
    if state != "none":
        Minutes.objects.create(
            meeting=meeting,
            status=status,
            text="" if state == "empty draft" else "<p>Besproken.</p>",
            approved_at=later if state == "approved" else None,
        )
    return meeting, later


def minutes_state(meeting: Meeting) -> tuple:
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        return (None,)
    return (minutes.status, minutes.version, minutes.text, minutes.corrections.count())


def minutes_data(name: str, meeting: Meeting, later: Meeting) -> dict:
    version = getattr(Minutes.objects.filter(meeting=meeting).first(), "version", 1)
    return {
        "write": {"text": "<p>Aangevuld.</p>", "version": version},
        "mark": {},
        "approve": {"at_meeting": later.pk},
        "correct": {"text": "<p>Naam</p>", "reason": "Spelling"},
    }[name]


MINUTES_DONE = {
    "write": lambda m: m.text == "<p>Aangevuld.</p>" and m.status == MinutesStatus.DRAFT,
    "mark": lambda m: m.status == MinutesStatus.MARKED,
    "approve": lambda m: m.status == MinutesStatus.APPROVED,
    "correct": lambda m: m.corrections.count() == 1,
}
MINUTES_RULES = {
    "write": lambda meeting, minutes: workflow.minutes_write_refusal(meeting, minutes),
    "mark": lambda meeting, minutes: workflow.minutes_mark_refusal(minutes),
    "approve": lambda meeting, minutes: workflow.minutes_approve_refusal(minutes),
    "correct": lambda meeting, minutes: workflow.minutes_correct_refusal(minutes),
}


@pytest.mark.parametrize("state", MINUTES_STATES)
def test_minutes_steps(client, bureau_user, portfolio, state):
    client.force_login(bureau_user)
    offered, _steps = offered_steps(client, make_minutes(portfolio, state)[0], "minutes_steps")
    assert offered == MINUTES_OFFERED[state]
    for name, url_name in MINUTES_URLS.items():
        meeting, later = make_minutes(portfolio, state)
        url = reverse(url_name, args=[meeting.pk])
        data = minutes_data(name, meeting, later)
        if name in offered:
            assert client.get(url).status_code == 200
            assert client.post(url, data).status_code == 302, (state, name)
            assert MINUTES_DONE[name](Minutes.objects.get(meeting=meeting)), (state, name)
            continue
        before = minutes_state(meeting)
        reason = MINUTES_RULES[name](meeting, Minutes.objects.filter(meeting=meeting).first())
        assert reason, (state, name)
        for method in (client.get, client.post):
            assert reason in content(method(url, data, follow=True)), (state, name)
        assert minutes_state(meeting) == before, (state, name)


def test_who_may_not_takes_no_step(client, reader_user, make_user, portfolio):
    other_chair = make_user("portfolio_chair", portfolio=PortfolioFactory())
    meeting, later = make_minutes(portfolio, "draft")
    before = (Meeting.objects.get(pk=meeting.pk).status, minutes_state(meeting))
    for user in (reader_user, other_chair):
        client.force_login(user)
        for status in MeetingStatus.values:
            url = reverse("meetings:status", args=[meeting.pk])
            assert client.get(url, {"status": status}).status_code == 403
            assert client.post(url, {"status": status}).status_code == 403
        for name, url_name in MINUTES_URLS.items():
            url = reverse(url_name, args=[meeting.pk])
            assert client.post(url, minutes_data(name, meeting, later)).status_code == 403
    assert (Meeting.objects.get(pk=meeting.pk).status, minutes_state(meeting)) == before
