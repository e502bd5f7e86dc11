"""As of a date: only what was recorded by then and dated on or before it counts, and
later changes (new updates, edits, payments, milestones reached later) change nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from samenspel.agenda.models import Milestone, ProgressUpdate
from samenspel.agenda.tests.factories import (
    AgreementFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
)
from samenspel.capacity.models import RealisedHours
from samenspel.finance.models import Claim, Project, SupplierPayment
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Association
from samenspel.organisations.tests.factories import MembershipFactory, OrganisationFactory
from samenspel.reports.as_of import agenda_on, changes_between
from samenspel.reports.as_of_money import hours_on, money_on, seats_on
from samenspel.reports.snapshots import cutoff

AS_OF = dt.date(2024, 9, 30)


def backdate_history(*objects, to=dt.date(2024, 1, 15)):
    """Pretend these records were entered on `to` (as on a live system before AS_OF)."""
    when = cutoff(to) - dt.timedelta(hours=12)
    for obj in objects:
        obj.history.filter(id=obj.pk).update(history_date=when)


@pytest.fixture
def agreement(db):
    agreement = AgreementFactory()
    first = ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 3, 1), status="on_track")
    second = ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 8, 1), status="at_risk")
    milestone = MilestoneFactory(agreement=agreement, end=dt.date(2024, 9, 1))
    backdate_history(agreement, first, second, milestone)
    return agreement


def test_status_is_the_latest_update_on_or_before_the_date(agreement):
    state = agenda_on(agenda=agreement.agenda, as_of=AS_OF)
    (found,) = state.agreements
    assert found.status == "at_risk"
    assert agenda_on(agenda=agreement.agenda, as_of=dt.date(2024, 5, 1)).agreements[0].status == (
        "on_track"
    )
    assert agenda_on(agenda=agreement.agenda, as_of=dt.date(2024, 1, 1)).agreements[0].status == (
        "not_started"
    )
    assert found.is_overdue  # its milestone of 1 September was not reached by 30 September


def test_later_changes_leave_the_report_of_an_earlier_date_unchanged(agreement):
    before = agenda_on(agenda=agreement.agenda, as_of=AS_OF)
    snapshot = [(a.status, a.is_overdue, len(a.updates)) for a in before.agreements]

    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 10, 2), status="done")
    old = ProgressUpdate.objects.get(date=dt.date(2024, 8, 1))
    old.status = "delayed"  # an edit after the date (through the admin, say)
    old.save()
    milestone = Milestone.objects.get(agreement=agreement)
    milestone.reached_on = dt.date(2024, 11, 1)
    milestone.save()
    agreement.title = "Nieuwe titel"
    agreement.save()

    after = agenda_on(agenda=agreement.agenda, as_of=AS_OF)
    assert [(a.status, a.is_overdue, len(a.updates)) for a in after.agreements] == snapshot
    assert after.agreements[0].title != "Nieuwe titel"
    # A report as of today does see the changes.
    now = agenda_on(agenda=agreement.agenda, as_of=timezone.localdate()).agreements[0]
    assert (now.status, now.is_overdue, now.title) == ("done", False, "Nieuwe titel")


def test_a_correction_or_withdrawal_after_the_date_leaves_the_report_as_it_was(
    agreement, bureau_user
):
    from samenspel.agenda.services import progress_update_correct, progress_update_withdraw

    first = ProgressUpdate.objects.get(date=dt.date(2024, 3, 1))
    second = ProgressUpdate.objects.get(date=dt.date(2024, 8, 1))
    original = (first.text, first.status)
    progress_update_correct(
        update=first,
        user=bureau_user,
        expected_version=first.version,
        reason="Andere tekst",
        date=first.date,
        status="delayed",
        text="Gecorrigeerde tekst",
    )
    progress_update_withdraw(
        update=second, user=bureau_user, expected_version=second.version, reason="Dubbel"
    )

    (then,) = agenda_on(agenda=agreement.agenda, as_of=AS_OF).agreements
    assert then.status == "at_risk"  # the withdrawn update still counted then
    assert (then.updates[1].text, then.updates[1].status) == original
    (now,) = agenda_on(agenda=agreement.agenda, as_of=timezone.localdate()).agreements
    assert [(u.text, u.status) for u in now.updates] == [("Gecorrigeerde tekst", "delayed")]
    assert now.status == "delayed"


def test_changes_in_the_quarter(agreement):
    MilestoneFactory(agreement=agreement, end=dt.date(2024, 12, 31), reached_on=dt.date(2024, 8, 5))
    state = agenda_on(agenda=agreement.agenda, as_of=AS_OF)
    changes = changes_between(state.agreements, start=dt.date(2024, 6, 30))
    assert [(a.pk, before, after) for a, before, after in changes.moved] == [
        (agreement.pk, "on_track", "at_risk")
    ]
    assert len(changes.reached) == 1
    assert len(changes.missed) == 1
    assert changes.newly_overdue == [state.agreements[0]]


def test_claims_count_as_paid_only_when_paid_by_the_date(agreement):
    member = OrganisationFactory(municipality=True)
    claim = Claim.objects.create(
        association=agreement.agenda.association,
        organisation=member,
        year=2024,
        description="Bijdrage",
        amount=Decimal("1000.00"),
        sent_on=dt.date(2024, 9, 1),
    )
    Claim.objects.create(
        association=agreement.agenda.association,
        organisation=member,
        year=2024,
        description="Later",
        amount=Decimal("50.00"),
        sent_on=dt.date(2024, 10, 1),
    )
    money = money_on(agenda=agreement.agenda, as_of=AS_OF)
    assert (money.claims.sent, money.claims.paid) == (Decimal("1000.00"), Decimal("0.00"))
    claim.paid_on = dt.date(2024, 10, 5)
    claim.save()
    again = money_on(agenda=agreement.agenda, as_of=AS_OF)
    assert (again.claims.sent, again.claims.outstanding) == (Decimal("1000.00"), Decimal("1000.00"))
    assert money_on(agenda=agreement.agenda, as_of=dt.date(2024, 10, 31)).claims.paid == Decimal(
        "1000.00"
    )


def test_another_associations_claims_and_hours_do_not_count(agreement):
    """Past-date figures read the agenda's association's claims and realised hours only."""
    member = OrganisationFactory(municipality=True)
    region = Association.objects.create(slug="regio", name="Regio Test", short_name="RT")
    for association, amount in ((agreement.agenda.association, "10.00"), (region, "99.00")):
        Claim.objects.create(
            association=association,
            organisation=member,
            year=2024,
            description="Bijdrage",
            amount=Decimal(amount),
            sent_on=dt.date(2024, 9, 1),
        )
        RealisedHours.objects.create(
            association=association, organisation=member, year=2024, quarter=2, hours=amount
        )
    money = money_on(agenda=agreement.agenda, as_of=AS_OF)
    assert money.claims.sent == Decimal("10.00")
    hours = hours_on(agenda=agreement.agenda, as_of=AS_OF)
    assert hours.realised == {(member.pk, None): Decimal("10.00")}


def test_seats_follow_the_membership_dates(db):
    membership = MembershipFactory(start_date=dt.date(2023, 1, 1))
    organisation = membership.person.organisation
    membership.post.organisation = organisation
    membership.post.save()
    backdate_history(membership)
    membership.end_date = dt.date(2024, 12, 31)  # ended later: still held on AS_OF
    membership.save()
    (seat,) = seats_on(association=association_default(), as_of=AS_OF, organisation=organisation)
    assert seat.holders == [membership.person.name]
    (later,) = seats_on(
        association=association_default(), as_of=timezone.localdate(), organisation=organisation
    )
    assert later.holders == []


def test_supplier_payments_count_in_the_year_they_were_paid(agreement):
    project = Project.objects.create(
        association=association_default(), slug="monitor", name="Monitor"
    )
    for paid_on, amount in [(dt.date(2023, 5, 1), "100.00"), (dt.date(2024, 5, 1), "250.00")]:
        SupplierPayment.objects.create(
            project=project,
            supplier="Bureau X",
            description="Levering",
            amount=Decimal(amount),
            paid_on=paid_on,
        )
    money = money_on(agenda=agreement.agenda, as_of=dt.date(2024, 3, 1))
    assert money.supplier_payments_by_year == {2023: Decimal("100.00")}
    later = money_on(agenda=agreement.agenda, as_of=AS_OF)
    assert later.supplier_payments == Decimal("350.00")


def test_agreements_and_milestones_added_by_hand_later_stay_out_of_an_earlier_report(agreement):
    backdate_history(agreement.agenda)  # the agenda was loaded long before the as-of date
    before = agenda_on(agenda=agreement.agenda, as_of=AS_OF)
    later = AgreementFactory(agenda=agreement.agenda, theme=agreement.theme, title="Nieuw in 2026")
    MilestoneFactory(agreement=agreement, end=dt.date(2024, 6, 1))  # added now, dated back
    after = agenda_on(agenda=agreement.agenda, as_of=AS_OF)
    assert [a.pk for a in after.agreements] == [a.pk for a in before.agreements] == [agreement.pk]
    assert len(after.agreements[0].milestones) == len(before.agreements[0].milestones) == 1
    assert later.pk in [
        a.pk for a in agenda_on(agenda=agreement.agenda, as_of=dt.date.today()).agreements
    ]
