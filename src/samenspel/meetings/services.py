"""Writes to meetings: the meeting, its invitees and attendance, agenda items and documents,
calendar tokens. Outcomes and actions are written by `outcomes.py`, minutes by `minutes.py`.

Every function is atomic; functions that change a status lock the row first
(`select_for_update().order_by()`: PostgreSQL refuses FOR UPDATE with default orderings
that join nullable tables).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Model, QuerySet
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from samenspel.accounts.models import User
from samenspel.agenda.models import Agreement
from samenspel.core.dates import today
from samenspel.core.history import changed_by
from samenspel.core.versioning import versioned_update
from samenspel.decisions.models import Proposal
from samenspel.meetings import documents
from samenspel.meetings.constants import Attendance, InvitationSource
from samenspel.meetings.invitations import expected_invitations
from samenspel.meetings.models import (
    AgendaDocument,
    AgendaItem,
    CalendarToken,
    DocumentVersion,
    Invitation,
    Meeting,
    MeetingCycle,
)
from samenspel.meetings.workflow import OPEN_FOR_INVITATIONS, status_refusal
from samenspel.organisations.models import Body, Person

# Changes to these fields reach calendar clients: the iCalendar sequence goes up.
CALENDAR_FIELDS = {"title", "starts_at", "ends_at", "place", "online_link", "status"}


def saved(obj: Any, user: User | None) -> Any:
    """Check and save `obj`, naming `user` in its history (outcomes and minutes use it too)."""
    changed_by(obj, user)
    obj.full_clean()
    obj.save()
    return obj


def next_number(rows: QuerySet, field: str) -> int:
    """One more than the highest `field` of `rows` (1 for none): the next in a sequence."""
    return (rows.aggregate(highest=Max(field))["highest"] or 0) + 1


def locked_row(model: type[Model], pk: int) -> Any:
    """The row of `model` with `pk`, locked until the transaction ends."""
    return model._default_manager.select_for_update().order_by().get(pk=pk)


# --- meetings ---------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    body: Body,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    place: str = "",
    online_link: str = "",
    title: str = "",
    prepares: Meeting | None = None,
    cycle: MeetingCycle | None = None,
    user: User | None = None,
    is_demo: bool = False,
) -> Meeting:
    meeting = Meeting(
        body=body,
        starts_at=starts_at,
        ends_at=ends_at or starts_at + dt.timedelta(hours=2),
        place=place,
        online_link=online_link,
        title=title,
        prepares=prepares,
        cycle=cycle,
        is_demo=is_demo,
    )
    saved(meeting, user)
    invitations_refresh(meeting=meeting, user=user)
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, expected_version: int, user: User | None, **values: Any
) -> Meeting:
    """Edit a meeting (version-checked); a change calendars must see raises the sequence."""
    changed = {k for k, v in values.items() if getattr(meeting, k) != v}
    if changed & CALENDAR_FIELDS:
        values["sequence"] = meeting.sequence + 1
    meeting = versioned_update(obj=meeting, expected_version=expected_version, user=user, **values)
    if "starts_at" in changed:
        invitations_refresh(meeting=meeting, user=user)
    return meeting


@transaction.atomic
def meeting_status_set(*, meeting: Meeting, status: str, user: User | None) -> Meeting:
    locked = locked_row(Meeting, meeting.pk)
    refusal = status_refusal(locked, status, on=today())
    if refusal:
        raise ValidationError(refusal)
    locked.status = status
    locked.sequence += 1
    locked.version += 1
    return saved(locked, user)


# --- invitations ------------------------------------------------------------------------


def _rule_changed(invitation: Invitation, expected: Any) -> bool:
    return (invitation.source, invitation.reason, invitation.post_id) != (
        expected.source,
        expected.reason,
        expected.post.pk,
    )


@transaction.atomic
def invitations_refresh(*, meeting: Meeting, user: User | None = None) -> None:
    """Bring the invitee list in line with the rules (until the meeting is held).

    Guests and removals by the bureau are kept; rule invitees who no longer qualify are
    dropped unless their attendance was already recorded.
    """
    meeting = locked_row(Meeting, meeting.pk)
    if meeting.status not in OPEN_FOR_INVITATIONS:
        return
    expected = expected_invitations(meeting)
    existing = {i.person_id: i for i in meeting.invitations.all()}
    new = []
    for person_id, rule in expected.items():
        invitation = existing.get(person_id)
        if invitation is None:
            new.append(
                Invitation(
                    meeting=meeting,
                    person=rule.person,
                    source=rule.source,
                    reason=rule.reason,
                    post=rule.post,
                    is_demo=meeting.is_demo,
                )
            )
        elif invitation.source != InvitationSource.GUEST and _rule_changed(invitation, rule):
            invitation.source, invitation.reason = rule.source, rule.reason
            invitation.post = rule.post
            saved(invitation, user)
    # New rule invitees are valid by construction (people and posts just read, one per
    # person): one insert for all of them, with their history, instead of a check and
    # save each (a meeting of a large body invites dozens).
    bulk_create_with_history(new, Invitation, default_user=user)
    for person_id, invitation in existing.items():
        stale = person_id not in expected and invitation.source != InvitationSource.GUEST
        if stale and invitation.attendance == Attendance.UNKNOWN:
            changed_by(invitation, user)
            invitation.delete()


@transaction.atomic
def invitation_guest_add(
    *, meeting: Meeting, person: Person, reason: str, user: User | None
) -> Invitation:
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden op voor de uitnodiging.")})
    invitation, _created = Invitation.objects.get_or_create(
        meeting=meeting,
        person=person,
        defaults={"source": InvitationSource.GUEST, "reason": reason},
    )
    invitation.removed, invitation.removed_reason = False, ""
    if invitation.source == InvitationSource.GUEST:
        invitation.reason = reason
    return saved(invitation, user)


@transaction.atomic
def invitation_remove(*, invitation: Invitation, reason: str, user: User | None) -> Invitation:
    if not reason.strip():
        raise ValidationError({"removed_reason": _("Geef een reden op voor de afmelding.")})
    invitation = locked_row(Invitation, invitation.pk)
    invitation.removed, invitation.removed_reason = True, reason.strip()
    return saved(invitation, user)


@transaction.atomic
def invitation_restore(*, invitation: Invitation, user: User | None) -> Invitation:
    invitation = locked_row(Invitation, invitation.pk)
    invitation.removed, invitation.removed_reason = False, ""
    return saved(invitation, user)


@transaction.atomic
def attendance_record(*, invitation: Invitation, attendance: str, user: User | None) -> Invitation:
    invitation = locked_row(Invitation, invitation.pk)
    invitation.attendance = attendance
    return saved(invitation, user)


@dataclass
class AttendanceSaved:
    changed: int = 0
    kept: list[str] = field(default_factory=list)


@transaction.atomic
def attendance_save(
    *,
    meeting: Meeting,
    attendance: Mapping[int, str],
    user: User | None,
    opened: Mapping[int, str] | None = None,
) -> AttendanceSaved:
    """The attendance of the whole invitee list (`{invitation id: attendance}`) at once:
    all of it is saved, or nothing. Values that are no attendance, invitations of other
    meetings and unchanged rows are left alone.

    `opened` is what each row showed when the form was opened: a row the editor did not
    touch is not written (a stale form never reverts someone else's entry), and a row
    both this editor and someone else changed keeps the saved value and is reported in
    `kept`, by name.
    """
    result = AttendanceSaved()
    for invitation in meeting.invitations.select_related("person"):
        value = attendance.get(invitation.pk)
        if value not in Attendance.values or value == invitation.attendance:
            continue
        was = (opened or {}).get(invitation.pk, invitation.attendance)
        if was == value:
            continue  # untouched on this form; someone else changed it since
        if was != invitation.attendance:
            result.kept.append(str(invitation.person))
            continue
        attendance_record(invitation=invitation, attendance=value, user=user)
        result.changed += 1
    return result


# --- agenda items -----------------------------------------------------------------------


def _check_item_meeting(body: Body, meeting: Meeting | None) -> None:
    if meeting is not None and meeting.body_id != body.pk:
        raise ValidationError(_("Een agendapunt hoort bij een vergadering van hetzelfde overleg."))


@transaction.atomic
def agenda_item_add(
    *,
    body: Body,
    title: str,
    kind: str,
    user: User | None,
    meeting: Meeting | None = None,
    description: str = "",
    lead: Person | None = None,
    agreements: Iterable[Agreement] = (),
    proposal: Proposal | None = None,
    duration_minutes: int = 15,
    water_boards_relevant: bool = False,
    is_confidential: bool = False,
    is_demo: bool = False,
) -> AgendaItem:
    """Put an item on a meeting's agenda (at the end), or in the body's backlog."""
    _check_item_meeting(body, meeting)
    item = AgendaItem(
        body=body,
        meeting=meeting,
        title=title,
        kind=kind,
        description=description,
        lead=lead,
        proposal=proposal,
        duration_minutes=duration_minutes,
        order=next_number(AgendaItem.objects.filter(body=body, meeting=meeting), "order"),
        water_boards_relevant=water_boards_relevant,
        is_confidential=is_confidential,
        is_demo=is_demo,
    )
    saved(item, user)
    item.agreements.set(agreements)
    if meeting is not None and water_boards_relevant:
        invitations_refresh(meeting=meeting, user=user)
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, expected_version: int, user: User | None, **values: Any
) -> AgendaItem:
    agreements = values.pop("agreements", None)
    item = versioned_update(obj=item, expected_version=expected_version, user=user, **values)
    if agreements is not None:
        item.agreements.set(agreements)
    if item.meeting is not None:
        invitations_refresh(meeting=item.meeting, user=user)
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, meeting: Meeting | None, user: User | None) -> AgendaItem:
    """Pull a backlog item into a meeting, or park an item (meeting None) in the backlog."""
    item = locked_row(AgendaItem, item.pk)
    if hasattr(item, "outcome"):
        raise ValidationError(_("Een agendapunt met een uitkomst blijft bij zijn vergadering."))
    _check_item_meeting(item.body, meeting)
    previous = item.meeting
    siblings = AgendaItem.objects.filter(body=item.body, meeting=meeting)
    item.meeting, item.order = meeting, next_number(siblings, "order")
    item.version += 1
    saved(item, user)
    for touched in {previous, meeting}:
        if touched is not None:
            invitations_refresh(meeting=touched, user=user)
    return item


# --- documents --------------------------------------------------------------------------


@transaction.atomic
def document_upload(
    *,
    item: AgendaItem,
    upload: UploadedFile,
    user: User | None,
    title: str = "",
    is_confidential: bool = False,
    document: AgendaDocument | None = None,
) -> DocumentVersion:
    """Add a document to an item, or (with `document`) a new version of it; old versions stay."""
    documents.check_upload(upload)
    if document is None:
        document = saved(
            AgendaDocument(
                item=item,
                title=title or upload.name or "",
                is_confidential=is_confidential,
            ),
            user,
        )
    else:
        document = locked_row(AgendaDocument, document.pk)
    version = DocumentVersion(
        document=document,
        number=next_number(document.versions.all(), "number"),
        filename=documents.safe_name(upload.name or ""),
        size=upload.size or 0,
        uploaded_by=user,
    )
    version.file.save(version.filename, upload, save=False)
    changed_by(version, user)
    version.save()
    return version


# --- calendar tokens --------------------------------------------------------------------


def calendar_token_get(*, person: Person) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        person=person, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


@transaction.atomic
def calendar_token_reset(*, person: Person) -> CalendarToken:
    """A new secret: the old feed URL stops working (404)."""
    token = calendar_token_get(person=person)
    token.token = secrets.token_urlsafe(32)
    token.save()
    return token
