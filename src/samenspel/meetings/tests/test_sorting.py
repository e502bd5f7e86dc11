"""The held meetings, the decision list and the action list sort on the server."""

import pytest

from samenspel.accounts.models import User
from samenspel.web.tests.sorting_checks import assert_sorts


@pytest.fixture
def bureau(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2026-03-01"
    client.force_login(User.objects.get(username="bureau"))
    return client


def test_the_held_meetings_sort_by_date(bureau):
    assert_sorts(bureau, "/overleggen/", "datum", lambda m: m.starts_at, filters="year=2025")


def test_the_decision_list_sorts_by_date(bureau):
    assert_sorts(
        bureau,
        "/overleggen/besluiten/",
        "datum",
        lambda d: d.item.meeting.starts_at,
        filters="year=2025",
    )


def test_the_action_list_sorts_by_due_date(bureau):
    assert_sorts(bureau, "/overleggen/acties/", "uiterlijk", lambda a: a.due_on, filters="open=on")
