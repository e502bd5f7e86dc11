"""Background jobs of meetings: the year schedule as PDF and sending an agenda by mail."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.meeting_permissions import can_manage_meetings
from samenspel.accounts.permissions import is_signed_in
from samenspel.jobs.models import Job
from samenspel.jobs.registry import JobKind, JobOutput, JobRefused, register
from samenspel.meetings import mailing, selectors, workflow
from samenspel.meetings.models import Meeting
from samenspel.web.documents import pdf_from_template

SCHEDULE_PDF = "vergaderplanning-pdf"
AGENDA_MAIL = "agenda-mail"


def schedule_pdf(*, association: Any, year: int) -> bytes:
    meetings = list(selectors.schedule_of_year(association=association, year=year))
    return pdf_from_template(
        "meetings/documents/schedule.html",
        {
            "document_title": _("Vergaderplanning %(year)s") % {"year": year},
            "months": selectors.by_month(meetings),
            "year": year,
            "association_name": association.name,
        },
    )


def schedule_pdf_run(job: Job) -> JobOutput:
    year = int(job.params["year"])
    return JobOutput(
        file_name=f"vergaderplanning-{year}.pdf",
        content=schedule_pdf(association=job.association, year=year),
        text=_("De vergaderplanning is als PDF gemaakt."),
    )


def _meeting(job: Job) -> Meeting | None:
    return (
        Meeting.objects.select_related("body")
        .filter(body__association=job.association, pk=job.params.get("meeting"))
        .first()
    )


def agenda_mail_run(job: Job) -> JobOutput:
    """Send the agenda. A job runs once (jobs.services), so one request mails the invitees
    once; sending again (a changed agenda) is a new request, as before."""
    meeting = _meeting(job)
    if meeting is None:
        raise JobRefused(_("Deze vergadering bestaat niet meer."))
    refusal = workflow.agenda_send_refusal(meeting)
    if refusal:
        raise JobRefused(str(refusal))
    result = mailing.agenda_send(
        meeting=meeting, base_url=job.params["base_url"], user=job.requested_by, dry_run=False
    )
    return JobOutput(
        text=_("De agenda is verstuurd aan %(count)s genodigden.")
        % {"count": len(result.recipients)},
        url=meeting.get_absolute_url(),
    )


def may_view_agenda_mail(user: Any, job: Job) -> bool:
    meeting = _meeting(job)
    return meeting is not None and can_manage_meetings(user, meeting.body)


def register_jobs() -> None:
    register(
        JobKind(
            SCHEDULE_PDF,
            gettext_lazy("Vergaderplanning als PDF"),
            run=schedule_pdf_run,
            # The schedule page: everyone signed in in the association.
            may_view=lambda user, job: is_signed_in(user),
        )
    )
    register(
        JobKind(
            AGENDA_MAIL,
            gettext_lazy("Agenda versturen"),
            run=agenda_mail_run,
            may_view=may_view_agenda_mail,
        )
    )
