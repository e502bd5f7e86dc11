"""Writes to meetings: the meeting, its invitees, agenda, documents, outcomes, actions, minutes.

Every function is atomic; functions that change a status lock the row first
(`select_for_update().order_by()`: PostgreSQL refuses FOR UPDATE with default orderings
that join nullable tables).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

import nh3
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.agenda.services import progress_update_add
from samenspel.core.versioning import EditConflict, versioned_update
from samenspel.decisions.services import pho_decision_record
from samenspel.meetings import documents
from samenspel.meetings.constants import (
    ActionStatus,
    Attendance,
    InvitationSource,
    MeetingStatus,
    MinutesStatus,
    OutcomeKind,
)
from samenspel.meetings.invitations import expected_invitations
from samenspel.meetings.models import (
    Action,
    AgendaDocument,
    AgendaItem,
    CalendarToken,
    DocumentVersion,
    Invitation,
    Meeting,
    Minutes,
    MinutesCorrection,
    Outcome,
)
from samenspel.meetings.workflow import OPEN_FOR_INVITATIONS, may_follow
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Body

# Changes to these fields reach calendar clients: the iCalendar sequence goes up.
CALENDAR_FIELDS = {"title", "starts_at", "ends_at", "place", "online_link", "status"}


def _save(obj: Any, user: Any) -> Any:
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


def _locked(model: type, pk: int) -> Any:
    return model.objects.select_for_update().order_by().get(pk=pk)


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
    cycle: Any = None,
    user: Any = None,
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
    _save(meeting, user)
    invitations_refresh(meeting=meeting, user=user)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, expected_version: int, user: Any, **values: Any) -> Meeting:
    """Edit a meeting (version-checked); a change calendars must see raises the sequence."""
    changed = {k for k, v in values.items() if getattr(meeting, k) != v}
    if changed & CALENDAR_FIELDS:
        values["sequence"] = meeting.sequence + 1
    meeting = versioned_update(obj=meeting, expected_version=expected_version, user=user, **values)
    if "starts_at" in changed:
        invitations_refresh(meeting=meeting, user=user)
    return meeting


@transaction.atomic
def meeting_status_set(*, meeting: Meeting, status: str, user: Any) -> Meeting:
    locked = _locked(Meeting, meeting.pk)
    if not may_follow(locked.status, status):
        raise ValidationError(
            _("Een vergadering met status '%(old)s' kan niet naar '%(new)s'.")
            % {"old": locked.get_status_display(), "new": MeetingStatus(status).label}
        )
    locked.status = status
    locked.sequence += 1
    locked.version += 1
    return _save(locked, user)


# --- invitations ------------------------------------------------------------------------


def _rule_changed(invitation: Invitation, expected: Any) -> bool:
    return (invitation.source, invitation.reason, invitation.post_id) != (
        expected.source,
        expected.reason,
        expected.post.pk,
    )


@transaction.atomic
def invitations_refresh(*, meeting: Meeting, user: Any = None) -> None:
    """Bring the invitee list in line with the rules (until the meeting is held).

    Guests and removals by the bureau are kept; rule invitees who no longer qualify are
    dropped unless their attendance was already recorded.
    """
    meeting = _locked(Meeting, meeting.pk)
    if meeting.status not in OPEN_FOR_INVITATIONS:
        return
    expected = expected_invitations(meeting)
    existing = {i.person_id: i for i in meeting.invitations.all()}
    for person_id, rule in expected.items():
        invitation = existing.get(person_id)
        if invitation is None:
            invitation = Invitation(meeting=meeting, person=rule.person, is_demo=meeting.is_demo)
        elif invitation.source == InvitationSource.GUEST or not _rule_changed(invitation, rule):
            continue
        invitation.source, invitation.reason, invitation.post = rule.source, rule.reason, rule.post
        _save(invitation, user)
    for person_id, invitation in existing.items():
        stale = person_id not in expected and invitation.source != InvitationSource.GUEST
        if stale and invitation.attendance == Attendance.UNKNOWN:
            invitation._history_user = user
            invitation.delete()


@transaction.atomic
def invitation_guest_add(*, meeting: Meeting, person: Any, reason: str, user: Any) -> Invitation:
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
    return _save(invitation, user)


@transaction.atomic
def invitation_remove(*, invitation: Invitation, reason: str, user: Any) -> Invitation:
    if not reason.strip():
        raise ValidationError({"removed_reason": _("Geef een reden op voor de afmelding.")})
    invitation = _locked(Invitation, invitation.pk)
    invitation.removed, invitation.removed_reason = True, reason.strip()
    return _save(invitation, user)


@transaction.atomic
def invitation_restore(*, invitation: Invitation, user: Any) -> Invitation:
    invitation = _locked(Invitation, invitation.pk)
    invitation.removed, invitation.removed_reason = False, ""
    return _save(invitation, user)


@transaction.atomic
def attendance_record(*, invitation: Invitation, attendance: str, user: Any) -> Invitation:
    invitation = _locked(Invitation, invitation.pk)
    invitation.attendance = attendance
    return _save(invitation, user)


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
    user: Any,
    meeting: Meeting | None = None,
    description: str = "",
    lead: Any = None,
    agreements: Iterable[Any] = (),
    proposal: Any = None,
    duration_minutes: int = 15,
    water_boards_relevant: bool = False,
    is_confidential: bool = False,
    is_demo: bool = False,
) -> AgendaItem:
    """Put an item on a meeting's agenda (at the end), or in the body's backlog."""
    _check_item_meeting(body, meeting)
    siblings = AgendaItem.objects.filter(body=body, meeting=meeting)
    last = siblings.aggregate(last=Max("order"))["last"] or 0
    item = AgendaItem(
        body=body,
        meeting=meeting,
        title=title,
        kind=kind,
        description=description,
        lead=lead,
        proposal=proposal,
        duration_minutes=duration_minutes,
        order=last + 1,
        water_boards_relevant=water_boards_relevant,
        is_confidential=is_confidential,
        is_demo=is_demo,
    )
    _save(item, user)
    item.agreements.set(agreements)
    if meeting is not None and water_boards_relevant:
        invitations_refresh(meeting=meeting, user=user)
    return item


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, expected_version: int, user: Any, **values: Any
) -> AgendaItem:
    agreements = values.pop("agreements", None)
    item = versioned_update(obj=item, expected_version=expected_version, user=user, **values)
    if agreements is not None:
        item.agreements.set(agreements)
    if item.meeting_id:
        invitations_refresh(meeting=item.meeting, user=user)
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, meeting: Meeting | None, user: Any) -> AgendaItem:
    """Pull a backlog item into a meeting, or park an item (meeting None) in the backlog."""
    item = _locked(AgendaItem, item.pk)
    if hasattr(item, "outcome"):
        raise ValidationError(_("Een agendapunt met een uitkomst blijft bij zijn vergadering."))
    _check_item_meeting(item.body, meeting)
    previous = item.meeting
    last = AgendaItem.objects.filter(body=item.body, meeting=meeting).aggregate(m=Max("order"))
    item.meeting, item.order = meeting, (last["m"] or 0) + 1
    item.version += 1
    _save(item, user)
    for touched in {previous, meeting} - {None}:
        invitations_refresh(meeting=touched, user=user)
    return item


# --- documents --------------------------------------------------------------------------


@transaction.atomic
def document_upload(
    *,
    item: AgendaItem,
    upload: UploadedFile,
    user: Any,
    title: str = "",
    is_confidential: bool = False,
    document: AgendaDocument | None = None,
) -> DocumentVersion:
    """Add a document to an item, or (with `document`) a new version of it; old versions stay."""
    documents.check_upload(upload)
    if document is None:
        document = _save(
            AgendaDocument(
                item=item,
                title=title or upload.name,
                is_confidential=is_confidential,
            ),
            user,
        )
    else:
        document = _locked(AgendaDocument, document.pk)
    last = document.versions.aggregate(n=Max("number"))["n"] or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        filename=documents.safe_name(upload.name),
        size=upload.size,
        uploaded_by=user,
    )
    version.file.save(version.filename, upload, save=False)
    version._history_user = user
    version.save()
    return version


# --- outcomes ---------------------------------------------------------------------------


def decision_prefix(body: Body) -> str:
    return body.short_name or body.abbreviation or body.name


def _next_number(body: Body, year: int) -> int:
    _locked(Body, body.pk)  # numbers are handed out one at a time per body
    last = Outcome.objects.filter(body=body, year=year).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


def _record_on_proposal(item: AgendaItem, outcome: Outcome, pho_outcome: str, user: Any) -> None:
    if not pho_outcome:
        raise ValidationError(
            {"pho_outcome": _("Kies het PHO-besluit over het voorstel '%s'.") % item.proposal}
        )
    pho_decision_record(
        proposal=item.proposal,
        decided_on=item.meeting.date,
        outcome=pho_outcome,
        reference=outcome.reference,
        user=user,
    )


def _add_progress(item: AgendaItem, outcome: Outcome, status: str, user: Any) -> None:
    label = outcome.reference or item.meeting.display_title
    text = f"{label}: {outcome.text}"
    for agreement in item.agreements.all():
        progress_update_add(
            agreement=agreement,
            author=user,
            date=item.meeting.date,
            status=status,
            text=text,
            is_internal=item.is_confidential,
            is_demo=outcome.is_demo,
        )


@transaction.atomic
def outcome_record(
    *,
    item: AgendaItem,
    kind: str,
    text: str,
    user: Any,
    pho_outcome: str = "",
    progress_status: str = "",
    record_on_proposal: bool = True,
    is_demo: bool = False,
) -> Outcome:
    """Record what the meeting did with an item.

    A decision gets the body's next number of the meeting's year ("PHO G&W 2024-07").
    A PHO decision on a proposal is recorded on the proposal (decisions app), and with
    `progress_status` every linked agreement gets a progress update quoting the outcome.
    `record_on_proposal=False` is for data whose proposal already has its PHO decision.
    """
    item = _locked(AgendaItem, item.pk)
    if item.meeting is None:
        raise ValidationError(_("Een agendapunt in de backlog heeft nog geen uitkomst."))
    if Outcome.objects.filter(item=item).exists():
        raise ValidationError(_("Dit agendapunt heeft al een uitkomst."))
    body, year = item.meeting.body, item.meeting.date.year
    outcome = Outcome(item=item, kind=kind, text=text, body=body, recorded_by=user, is_demo=is_demo)
    if kind == OutcomeKind.DECISION:
        outcome.year, outcome.number = year, _next_number(body, year)
        outcome.reference = f"{decision_prefix(body)} {year}-{outcome.number:02d}"
    on_proposal = (
        kind == OutcomeKind.DECISION
        and item.proposal_id is not None
        and body.kind == BodyKind.PORTFOLIO_MEETING
    )
    if on_proposal:
        outcome.pho_outcome = pho_outcome
    _save(outcome, user)
    if on_proposal and record_on_proposal:
        _record_on_proposal(item, outcome, pho_outcome, user)
    if progress_status:
        _add_progress(item, outcome, progress_status, user)
    return outcome


@transaction.atomic
def outcome_with_action_record(
    *,
    item: AgendaItem,
    kind: str,
    text: str,
    user: Any,
    pho_outcome: str = "",
    progress_status: str = "",
    action_title: str = "",
    action_owner: Any = None,
    action_due_on: dt.date | None = None,
) -> Outcome:
    """The outcome form: an outcome, and optionally one action on the same item."""
    outcome = outcome_record(
        item=item,
        kind=kind,
        text=text,
        pho_outcome=pho_outcome,
        progress_status=progress_status,
        user=user,
    )
    if action_title:
        action_add(
            meeting=item.meeting,
            item=item,
            title=action_title,
            owner=action_owner,
            due_on=action_due_on,
            user=user,
        )
    return outcome


# --- actions ----------------------------------------------------------------------------


@transaction.atomic
def action_add(
    *,
    meeting: Meeting,
    title: str,
    owner: Any,
    user: Any,
    item: AgendaItem | None = None,
    due_on: dt.date | None = None,
    is_demo: bool = False,
) -> Action:
    action = Action(
        body=meeting.body,
        meeting=meeting,
        item=item,
        title=title,
        owner=owner,
        due_on=due_on,
        created_on=meeting.date,
        is_demo=is_demo,
    )
    return _save(action, user)


@transaction.atomic
def action_close(
    *, action: Action, status: str, closed_on: dt.date, user: Any, note: str = ""
) -> Action:
    """Close an action as done or cancelled; from then on it is no longer carried over."""
    action = _locked(Action, action.pk)
    if action.status != ActionStatus.OPEN:
        raise ValidationError(_("Deze actie is al gesloten."))
    if status == ActionStatus.OPEN:
        raise ValidationError({"status": _("Kies 'afgerond' of 'vervallen'.")})
    if closed_on < action.created_on:
        raise ValidationError({"closed_on": _("Een actie sluit niet vóór ze is afgesproken.")})
    action.status, action.closed_on, action.closing_note = status, closed_on, note
    action.version += 1
    return _save(action, user)


# --- minutes ----------------------------------------------------------------------------


def minutes_clean(html: str) -> str:
    """Minutes are rich text: keep headings, lists, emphasis and links; drop everything else."""
    return nh3.clean(
        html,
        tags={"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "table"}
        | {"thead", "tbody", "tr", "th", "td", "blockquote"},
        attributes={"a": {"href"}},
        url_schemes={"https", "http", "mailto"},
    )


def _minutes_locked(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return _locked(Minutes, minutes.pk)


@transaction.atomic
def minutes_save(
    *,
    meeting: Meeting,
    text: str,
    user: Any,
    minute_taker: Any = None,
    expected_version: int | None = None,
    is_demo: bool = False,
) -> Minutes:
    """Save the draft minutes; approved minutes are locked (use `minutes_correct`)."""
    minutes = _minutes_locked(meeting)
    if minutes.is_locked:
        raise ValidationError(
            _("De notulen zijn vastgesteld en liggen vast; leg een correctie vast.")
        )
    if expected_version is not None and expected_version != minutes.version:
        raise EditConflict(_("Iemand anders heeft de notulen intussen gewijzigd."))
    minutes.text = minutes_clean(text)
    minutes.minute_taker = minute_taker or minutes.minute_taker
    minutes.status = MinutesStatus.DRAFT
    minutes.is_demo = is_demo
    minutes.version += 1
    return _save(minutes, user)


@transaction.atomic
def minutes_mark(*, minutes: Minutes, user: Any, on: dt.date | None = None) -> Minutes:
    """The minute-taker marks the draft ready for approval."""
    minutes = _locked(Minutes, minutes.pk)
    if minutes.status != MinutesStatus.DRAFT:
        raise ValidationError(_("Alleen conceptnotulen kunnen gereed worden gemeld."))
    if not minutes.text.strip():
        raise ValidationError(_("Lege notulen kunnen niet gereed worden gemeld."))
    minutes.status, minutes.marked_on = MinutesStatus.MARKED, on or timezone.localdate()
    minutes.version += 1
    return _save(minutes, user)


@transaction.atomic
def minutes_approve(
    *,
    minutes: Minutes,
    at_meeting: Meeting,
    user: Any,
    with_changes: bool = False,
    text: str | None = None,
) -> Minutes:
    """Approve (with or without changes) at a later meeting of the same body; then locked."""
    minutes = _locked(Minutes, minutes.pk)
    meeting = minutes.meeting
    if minutes.is_locked:
        raise ValidationError(_("Deze notulen zijn al vastgesteld."))
    if minutes.status != MinutesStatus.MARKED:
        raise ValidationError(_("De notulist heeft deze notulen nog niet gereed gemeld."))
    if at_meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("Een geannuleerde vergadering stelt geen notulen vast."))
    if at_meeting.body_id != meeting.body_id or at_meeting.starts_at <= meeting.starts_at:
        raise ValidationError(
            _("Notulen worden vastgesteld in een volgende vergadering van hetzelfde overleg.")
        )
    if with_changes and text is not None:
        minutes.text = minutes_clean(text)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at, minutes.approved_on = at_meeting, at_meeting.date
    minutes.approved_with_changes = with_changes
    minutes.version += 1
    _save(minutes, user)
    if meeting.status == MeetingStatus.HELD:
        meeting_status_set(meeting=meeting, status=MeetingStatus.MINUTES_APPROVED, user=user)
    return minutes


@transaction.atomic
def minutes_correct(*, minutes: Minutes, text: str, reason: str, user: Any) -> MinutesCorrection:
    """A later correction to approved minutes, recorded as such beside the approved text."""
    if not minutes.is_locked:
        raise ValidationError(_("Conceptnotulen pas je gewoon aan."))
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden op voor de correctie.")})
    correction = MinutesCorrection(
        minutes=minutes,
        text=minutes_clean(text),
        reason=reason.strip(),
        made_on=timezone.localdate(),
        made_by=user,
    )
    return _save(correction, user)


# --- calendar tokens --------------------------------------------------------------------


def calendar_token_get(*, person: Any) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        person=person, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


@transaction.atomic
def calendar_token_reset(*, person: Any) -> CalendarToken:
    """A new secret: the old feed URL stops working (404)."""
    token = calendar_token_get(person=person)
    token.token = secrets.token_urlsafe(32)
    token.save()
    return token
