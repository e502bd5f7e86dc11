"""A milestone reached is a one-click change that asks first (issue 19): GET shows
"Weet je het zeker?" with what it changes (htmx: in place), POST does it, and "Toch niet
bereikt" undoes it; a date in the future or a change that changes nothing is refused
with the reason."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from samenspel.agenda.tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"


def said(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_reaching_asks_first_and_can_be_undone(client, bureau_user):
    milestone = MilestoneFactory(title="Regiobeeld klaar")
    url = reverse("agenda:milestone_reach", args=[milestone.pk])
    client.force_login(bureau_user)
    question = html.unescape(client.get(url, {"reached_on": "2024-06-28"}).content.decode())
    assert "Is de mijlpaal 'Regiobeeld klaar' bereikt op 28-06-2024?" in question
    assert 'value="2024-06-28"' in question and "Toch niet bereikt" in question
    fragment = client.get(url, {"reached_on": "2024-06-28"}, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode() and "autofocus" in fragment.content.decode()
    milestone.refresh_from_db()
    assert milestone.reached_on is None  # asking changes nothing

    done = client.post(url, {"reached_on": "2024-06-28"})
    milestone.refresh_from_db()
    assert milestone.reached_on == dt.date(2024, 6, 28)
    assert "bereikt op 28-06-2024" in said(done)

    undo = html.unescape(client.get(url).content.decode())  # no date: the other state
    assert "toch niet bereikt?" in undo and "28-06-2024" in undo
    client.post(url, {"reached_on": ""})
    milestone.refresh_from_db()
    assert milestone.reached_on is None


@pytest.mark.parametrize(
    ("reached", "asked", "reason"),
    [
        (None, "2024-07-02", "niet bereikt in de toekomst"),
        (None, "", "staat al als niet bereikt"),
        (dt.date(2024, 6, 1), "2024-06-01", "staat al als bereikt op 01-06-2024"),
        (None, "1-7-2024", "geen geldige datum"),
    ],
)
def test_a_change_the_rules_do_not_allow_is_refused(client, bureau_user, reached, asked, reason):
    milestone = MilestoneFactory(reached_on=reached)
    url = reverse("agenda:milestone_reach", args=[milestone.pk])
    client.force_login(bureau_user)
    for method in (client.get, client.post):
        response = method(url, {"reached_on": asked})
        assert response.status_code == 302 and reason in said(response)
    milestone.refresh_from_db()
    assert milestone.reached_on == reached


def test_an_answer_without_a_date_is_refused(client, bureau_user):
    milestone = MilestoneFactory()
    client.force_login(bureau_user)
    response = client.post(reverse("agenda:milestone_reach", args=[milestone.pk]))
    assert "Geef de datum" in said(response)
    milestone.refresh_from_db()
    assert milestone.reached_on is None
