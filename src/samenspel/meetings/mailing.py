"""The agenda by e-mail to the invitees (with a dry run) and as a PDF.

The e-mail carries the agenda as text, the PDF and the current version of every
document that is not confidential (up to `SAMENSPEL_MAX_UPLOAD_MB` together; the rest
is linked). Confidential documents are never attached: the mail names them and the
meeting page serves them to those who may read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.meetings import selectors
from samenspel.meetings.constants import MeetingStatus
from samenspel.meetings.documents import content_type
from samenspel.meetings.models import DocumentVersion, Meeting
from samenspel.meetings.services import meeting_status_set
from samenspel.web.documents import pdf_from_template


@dataclass(frozen=True)
class Mailing:
    recipients: list[str]
    without_address: list[str]
    subject: str
    body: str
    attachments: list[DocumentVersion]


def agenda_context(meeting: Meeting, base_url: str = "") -> dict[str, Any]:
    return {
        "meeting": meeting,
        "items": selectors.meeting_items(meeting=meeting),
        "carried_actions": selectors.meeting_open_actions(meeting=meeting),
        "previous": selectors.previous_meeting(meeting=meeting),
        "base_url": base_url,
        "document_title": _("Agenda %(meeting)s") % {"meeting": meeting},
        "association_name": meeting.body.association.name,
    }


def agenda_pdf(meeting: Meeting) -> bytes:
    return pdf_from_template("meetings/documents/agenda.html", agenda_context(meeting))


def _attachments(items) -> list[DocumentVersion]:
    """Current versions of the public documents, as long as they fit in one mail."""
    budget = settings.SAMENSPEL_MAX_UPLOAD_MB * 1024 * 1024
    chosen = []
    for item in items:
        if item.is_confidential:
            continue
        for document in item.documents.all():
            current = document.current
            if document.is_confidential or current is None or current.size > budget:
                continue
            budget -= current.size
            chosen.append(current)
    return chosen


def agenda_mailing(meeting: Meeting, base_url: str) -> Mailing:
    invited = [i for i in meeting.invitations.select_related("person") if not i.removed]
    context = agenda_context(meeting, base_url)
    return Mailing(
        recipients=sorted({i.person.email for i in invited if i.person.email}),
        without_address=sorted(i.person.name for i in invited if not i.person.email),
        subject=_("Agenda %(meeting)s") % {"meeting": meeting},
        body=render_to_string("meetings/email/agenda.txt", context),
        attachments=_attachments(context["items"]),
    )


def agenda_send(
    *, meeting: Meeting, base_url: str, user: User | None, dry_run: bool = True
) -> Mailing:
    """Send the agenda (one message, invitees in BCC); a dry run only says what it would do."""
    mailing = agenda_mailing(meeting, base_url)
    if dry_run or not mailing.recipients:
        return mailing
    message = EmailMessage(
        subject=mailing.subject,
        body=mailing.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[settings.DEFAULT_FROM_EMAIL],
        bcc=mailing.recipients,
    )
    message.attach(f"agenda-{meeting.pk}.pdf", agenda_pdf(meeting), "application/pdf")
    for version in mailing.attachments:
        with version.file.open("rb") as handle:
            message.attach(version.filename, handle.read(), content_type(version.filename))
    message.send()
    if meeting.status == MeetingStatus.PLANNED:
        meeting_status_set(meeting=meeting, status=MeetingStatus.AGENDA_SENT, user=user)
    return mailing
