"""Status, overdue and stale, judged against a fixed 'today'."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from samenspel.agenda import selectors, services
from samenspel.agenda.tests.factories import (
    AgreementFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
)


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.SAMENSPEL_TODAY = "2024-09-01"
    settings.SAMENSPEL_STALE_MONTHS = 4


def annotated(agreement):
    return selectors.agreements_with_progress().get(pk=agreement.pk)


def test_without_updates_an_agreement_is_not_started_and_stale(db):
    agreement = annotated(AgreementFactory())
    assert agreement.current_status == "not_started"
    assert agreement.last_update is None
    assert agreement.is_stale


def test_the_latest_update_sets_the_status(db):
    agreement = AgreementFactory()
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 2, 1), status="on_track")
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 7, 1), status="delayed")
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 5, 1), status="at_risk")
    result = annotated(agreement)
    assert result.current_status == "delayed"
    assert result.last_update == dt.date(2024, 7, 1)
    assert not result.is_stale


def test_updates_after_today_do_not_count_yet(db):
    agreement = AgreementFactory()
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 1, 1), status="on_track")
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2025, 1, 1), status="done")
    assert annotated(agreement).current_status == "on_track"


def test_stale_after_the_configured_months_but_never_when_finished(db):
    running = AgreementFactory()
    ProgressUpdateFactory(agreement=running, date=dt.date(2024, 4, 30))
    fresh = AgreementFactory()
    ProgressUpdateFactory(agreement=fresh, date=dt.date(2024, 5, 2))
    done = AgreementFactory()
    ProgressUpdateFactory(agreement=done, date=dt.date(2023, 1, 1), status="done")
    assert annotated(running).is_stale
    assert not annotated(fresh).is_stale
    assert not annotated(done).is_stale


def test_overdue_means_past_its_end_and_not_reached(db):
    late = MilestoneFactory(end=dt.date(2024, 8, 31))
    reached = MilestoneFactory(end=dt.date(2024, 6, 30), reached=True)
    future = MilestoneFactory(end=dt.date(2024, 9, 1))
    undated = MilestoneFactory(end=None, start=None)
    assert list(selectors.overdue_milestones()) == [late]
    assert annotated(late.agreement).is_overdue
    for milestone in (reached, future, undated):
        assert not annotated(milestone.agreement).is_overdue


def test_today_can_be_set_for_demonstrations(settings):
    settings.SAMENSPEL_TODAY = "2025-03-15"
    assert selectors.today() == dt.date(2025, 3, 15)


def test_months_before_keeps_the_day_within_the_month():
    assert selectors.months_before(dt.date(2024, 6, 30), 4) == dt.date(2024, 2, 29)
    assert selectors.months_before(dt.date(2024, 1, 15), 2) == dt.date(2023, 11, 15)


def test_progress_update_add_appends_and_checks_the_workflow(bureau_user):
    agreement = AgreementFactory()
    services.progress_update_add(
        agreement=agreement,
        author=bureau_user,
        date=dt.date(2024, 1, 1),
        status="stopped",
        text="Gestopt",
    )
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.progress_update_add(
            agreement=agreement,
            author=bureau_user,
            date=dt.date(2024, 2, 1),
            status="done",
            text="Klaar",
        )
    update = services.progress_update_add(
        agreement=agreement,
        author=bureau_user,
        date=dt.date(2024, 2, 1),
        status="on_track",
        text="Weer opgepakt",
    )
    done = services.progress_update_add(
        agreement=agreement,
        author=bureau_user,
        date=dt.date(2024, 3, 1),
        status="done",
        text="Klaar",
    )
    assert done.percent == 100
    assert agreement.updates.count() == 3
    assert update.history.first().history_user == bureau_user


def test_year_progress(db):
    agreement = AgreementFactory()
    progress = selectors.agenda_year_progress(agreement.agenda, on=dt.date(2025, 7, 2))
    assert progress["year_number"] == 3 and progress["years"] == 5
    assert progress["percent"] == 50
