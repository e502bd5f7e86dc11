"""Invitees by rule: the body's seats on the date, the province always, water boards by agenda."""

import datetime as dt

import pytest

from samenspel.meetings import services
from samenspel.meetings.constants import Attendance, InvitationSource, ItemKind
from samenspel.meetings.tests.factories import aware
from samenspel.organisations.constants import BodyKind, Role
from samenspel.organisations.models import Membership
from samenspel.organisations.tests.factories import BodyFactory, PersonFactory, PortfolioFactory

pytestmark = pytest.mark.django_db


def _invited(meeting):
    return {i.person: i for i in meeting.invitations.filter(removed=False)}


def _meeting(body, user, date=dt.date(2024, 3, 14)):
    return services.meeting_create(body=body, starts_at=aware(date), user=user)


def test_members_on_the_meeting_date_are_invited(pho, seat, bureau_user):
    member = seat(pho)
    leaver = seat(pho)
    Membership.objects.filter(person=leaver).update(end_date=dt.date(2024, 1, 31))
    meeting = _meeting(pho, bureau_user)
    invited = _invited(meeting)
    assert member in invited and leaver not in invited
    assert invited[member].source == InvitationSource.MEMBER


def test_province_is_always_invited(seat, province, bureau_user):
    for kind in (BodyKind.GENERAL_BOARD, BodyKind.PORTFOLIO_MEETING, BodyKind.OFFICIALS_MEETING):
        body = BodyFactory(kind=kind, portfolio=PortfolioFactory())
        deputy = seat(body, Role.INVITED_GUEST, province)
        meeting = _meeting(body, bureau_user)
        assert _invited(meeting)[deputy].source == InvitationSource.PROVINCE


def test_water_board_only_with_a_relevant_item(pho, seat, water_board, bureau_user):
    executive = seat(pho, Role.INVITED_GUEST, water_board, when_relevant=True)
    meeting = _meeting(pho, bureau_user)
    assert executive not in _invited(meeting)

    services.agenda_item_add(
        body=pho, meeting=meeting, title="Dijkversterking", kind=ItemKind.DISCUSSION, user=None
    )
    assert executive not in _invited(meeting)
    item = services.agenda_item_add(
        body=pho,
        meeting=meeting,
        title="Klimaatadaptatie",
        kind=ItemKind.DISCUSSION,
        water_boards_relevant=True,
        user=bureau_user,
    )
    invitation = _invited(meeting)[executive]
    assert invitation.source == InvitationSource.WATER_BOARD
    assert "Klimaatadaptatie" in invitation.reason

    services.agenda_item_move(item=item, meeting=None, user=bureau_user)
    assert executive not in _invited(meeting)


def test_water_board_not_at_other_portfolios(seat, water_board, bureau_user):
    sport = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=PortfolioFactory(slug="sport"))
    executive = seat(sport, Role.INVITED_GUEST, water_board, when_relevant=True)
    meeting = _meeting(sport, bureau_user)
    services.agenda_item_add(
        body=sport,
        meeting=meeting,
        title="Zwemwater",
        kind=ItemKind.INFORMATION,
        water_boards_relevant=True,
        user=bureau_user,
    )
    assert executive not in _invited(meeting)


def test_dike_reeve_at_the_board_when_an_item_asks(seat, water_board, bureau_user):
    board = BodyFactory(kind=BodyKind.GENERAL_BOARD)
    dike_reeve = seat(board, Role.INVITED_GUEST, water_board, when_relevant=True)
    meeting = _meeting(board, bureau_user)
    assert dike_reeve not in _invited(meeting)
    services.agenda_item_add(
        body=board,
        meeting=meeting,
        title="Visie op Drenthe",
        kind=ItemKind.DISCUSSION,
        water_boards_relevant=True,
        user=bureau_user,
    )
    assert dike_reeve in _invited(meeting)


def test_removal_needs_a_reason_and_survives_a_refresh(pho, seat, bureau_user):
    member = seat(pho)
    meeting = _meeting(pho, bureau_user)
    invitation = meeting.invitations.get(person=member)
    with pytest.raises(Exception, match="reden"):
        services.invitation_remove(invitation=invitation, reason=" ", user=bureau_user)
    services.invitation_remove(
        invitation=invitation, reason="Vervangen door collega", user=bureau_user
    )
    services.invitations_refresh(meeting=meeting)
    invitation.refresh_from_db()
    assert invitation.removed and invitation.removed_reason == "Vervangen door collega"
    assert member not in _invited(meeting)
    latest = invitation.history.first()
    assert latest.removed_reason == "Vervangen door collega"
    assert latest.history_user == bureau_user


def test_guest_with_reason_and_attendance(pho, bureau_user):
    meeting = _meeting(pho, bureau_user)
    guest = PersonFactory()
    invitation = services.invitation_guest_add(
        meeting=meeting, person=guest, reason="Presentatie RES", user=bureau_user
    )
    services.invitations_refresh(meeting=meeting)
    assert _invited(meeting)[guest].source == InvitationSource.GUEST
    services.attendance_record(
        invitation=invitation, attendance=Attendance.EXCUSED, user=bureau_user
    )
    invitation.refresh_from_db()
    assert invitation.attendance == Attendance.EXCUSED


def test_attendance_of_the_whole_list_leaves_the_rest_alone(pho, seat, bureau_user):
    first, second = seat(pho), seat(pho)
    meeting = _meeting(pho, bureau_user)
    other = _meeting(pho, bureau_user, date=dt.date(2024, 4, 11))
    invited, elsewhere = _invited(meeting), _invited(other)
    changed = services.attendance_save(
        meeting=meeting,
        attendance={
            invited[first].pk: Attendance.PRESENT,
            invited[second].pk: "not-an-attendance",
            elsewhere[first].pk: Attendance.PRESENT,  # another meeting's invitation
        },
        user=bureau_user,
    ).changed
    assert changed == 1
    invited, elsewhere = _invited(meeting), _invited(other)
    assert invited[first].attendance == Attendance.PRESENT
    assert invited[second].attendance == Attendance.UNKNOWN
    assert elsewhere[first].attendance == Attendance.UNKNOWN


def test_a_stale_attendance_form_never_reverts_what_someone_else_recorded(pho, seat, bureau_user):
    first, second, third = seat(pho), seat(pho), seat(pho)
    meeting = _meeting(pho, bureau_user)
    invited = _invited(meeting)
    opened = {invited[p].pk: Attendance.UNKNOWN for p in (first, second, third)}
    # Meanwhile a colleague records the first as present and the third as excused.
    services.attendance_record(
        invitation=invited[first], attendance=Attendance.PRESENT, user=bureau_user
    )
    services.attendance_record(
        invitation=invited[third], attendance=Attendance.EXCUSED, user=bureau_user
    )
    saved = services.attendance_save(
        meeting=meeting,
        attendance={
            invited[first].pk: Attendance.UNKNOWN,  # untouched on the stale form
            invited[second].pk: Attendance.PRESENT,  # changed here only
            invited[third].pk: Attendance.PRESENT,  # changed here and there
        },
        opened=opened,
        user=bureau_user,
    )
    assert saved.changed == 1
    assert saved.kept == [str(invited[third].person)]
    invited = _invited(meeting)
    assert invited[first].attendance == Attendance.PRESENT
    assert invited[second].attendance == Attendance.PRESENT
    assert invited[third].attendance == Attendance.EXCUSED
