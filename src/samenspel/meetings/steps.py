"""The steps a meeting's page offers (its status, its minutes) and what the question
before a status change says. The rules are `workflow.py`'s; this only lists them in
workflow order for a user, with the reason why a step is not possible now."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.meeting_permissions import can_manage_meetings, can_take_minutes
from samenspel.core.dates import today
from samenspel.meetings import workflow
from samenspel.meetings.constants import MeetingStatus, MinutesStatus
from samenspel.meetings.models import Meeting, Minutes
from samenspel.web.steps import Question, Step, Steps

# The button that moves a meeting to a status, in workflow order.
STATUS_STEPS = {
    MeetingStatus.AGENDA_SENT: gettext_lazy("Agenda als verstuurd markeren"),
    MeetingStatus.HELD: gettext_lazy("Markeren als gehouden"),
    MeetingStatus.MINUTES_APPROVED: gettext_lazy("Notulen vastgesteld"),
    MeetingStatus.CANCELLED: gettext_lazy("Vergadering annuleren"),
    MeetingStatus.PLANNED: gettext_lazy("Weer inplannen"),
}
ONLY_MANAGERS = gettext_lazy("Alleen het bureau en de voorzitter en kerngroep van de portefeuille.")
ONLY_MINUTE_TAKERS = gettext_lazy(
    "Alleen wie de vergaderingen van dit overleg beheert en de notulist."
)


def meeting_steps(meeting: Meeting, user: Any) -> Steps:
    """Mailing the agenda and the status changes the meeting may make from its status."""
    only = "" if can_manage_meetings(user, meeting.body) else str(ONLY_MANAGERS)
    url = reverse("meetings:status", args=[meeting.pk])
    steps = []
    if meeting.status in workflow.OPEN_FOR_INVITATIONS:
        send = reverse("meetings:send", args=[meeting.pk])
        refusal = workflow.agenda_send_refusal(meeting)
        steps.append(Step("send", _("Agenda versturen"), send, refusal or only))
    for status, label in STATUS_STEPS.items():
        if workflow.may_follow(meeting.status, status):
            refusal = workflow.status_refusal(meeting, status, on=today())
            steps.append(
                Step(
                    status,
                    str(label),
                    f"{url}?status={status}",
                    refusal or only,
                    confirm=True,
                    quiet=status in {MeetingStatus.CANCELLED, MeetingStatus.AGENDA_SENT},
                )
            )
    return Steps(steps, done=_("De notulen zijn vastgesteld; de vergadering is afgerond."))


def minutes_steps(meeting: Meeting, minutes: Minutes | None, user: Any) -> Steps:
    """Writing, marking ready, approving and correcting the minutes, as their status allows."""
    pk = meeting.pk
    takes = "" if can_take_minutes(user, meeting) else str(ONLY_MINUTE_TAKERS)
    manages = "" if can_manage_meetings(user, meeting.body) else str(ONLY_MANAGERS)
    if minutes is not None and minutes.status == MinutesStatus.APPROVED:
        refusal = workflow.minutes_correct_refusal(minutes)
        url = reverse("meetings:minutes_correct", args=[pk])
        return Steps([Step("correct", _("Correctie vastleggen"), url, refusal or manages)])
    write = _("Notulen bewerken") if minutes else _("Notulen schrijven")
    return Steps(
        [
            Step(
                "write",
                write,
                reverse("meetings:minutes_edit", args=[pk]),
                workflow.minutes_write_refusal(meeting, minutes) or takes,
                lead=minutes is None,
            ),
            Step(
                "mark",
                _("Gereed voor vaststelling"),
                reverse("meetings:minutes_mark", args=[pk]),
                workflow.minutes_mark_refusal(minutes) or takes,
                confirm=True,
            ),
            Step(
                "approve",
                _("Vaststellen"),
                reverse("meetings:minutes_approve", args=[pk]),
                workflow.minutes_approve_refusal(minutes) or manages,
            ),
        ]
    )


def status_question(meeting: Meeting, status: str) -> Question:
    """The question before `meeting` gets `status` (one the rules allow now)."""
    name = {"meeting": meeting}
    title = str(STATUS_STEPS.get(MeetingStatus(status), ""))
    if status == MeetingStatus.CANCELLED:
        return Question(
            title,
            _("Weet je zeker dat je %(meeting)s wilt annuleren?") % name,
            _("Ja, annuleer de vergadering"),
            (
                _(
                    "De vergadering verdwijnt uit de openbare planning en de agendafeeds van het "
                    "overleg."
                ),
                _("In de persoonlijke agenda's van de genodigden staat ze als geannuleerd."),
                _(
                    "Samenspel mailt de genodigden niet: laat hen zelf weten dat de vergadering "
                    "niet doorgaat."
                ),
                _(
                    "De agendapunten blijven bij deze vergadering; zet ze zo nodig terug naar de "
                    "backlog."
                ),
            ),
            _("Ongedaan maken kan: plan de vergadering daarna weer in."),
            _("De vergadering is geannuleerd. Ongedaan maken kan met 'Weer inplannen'."),
        )
    if status == MeetingStatus.PLANNED:
        return Question(
            title,
            _("Wil je %(meeting)s weer inplannen?") % name,
            _("Ja, plan de vergadering weer in"),
            (
                _(
                    "De vergadering staat weer in de planning en de agendafeeds, op dezelfde tijd "
                    "en plaats."
                ),
                _("Controleer tijd en plaats, en verstuur de agenda opnieuw."),
            ),
            _("Annuleren kan daarna weer."),
            _("De vergadering is weer ingepland."),
        )
    if status == MeetingStatus.HELD:
        return Question(
            title,
            _("Is %(meeting)s gehouden?") % name,
            _("Ja, de vergadering is gehouden"),
            (
                _("De genodigden liggen daarna vast; de aanwezigheid blijft te wijzigen."),
                _("De notulen worden vastgesteld in een volgende vergadering van dit overleg."),
            ),
            _("Dit kan niet ongedaan worden gemaakt."),
            _("De vergadering is gehouden."),
        )
    return Question(
        title,
        _("Is de agenda van %(meeting)s al verstuurd, buiten Samenspel om?") % name,
        _("Ja, markeer de agenda als verstuurd"),
        (
            _(
                "Samenspel mailt niets. Gebruik 'Agenda versturen' om de agenda met de stukken "
                "aan de genodigden te mailen."
            ),
        ),
        _("Dit kan niet ongedaan worden gemaakt."),
        _("De agenda staat als verstuurd."),
    )


def mark_question() -> Question:
    """The question before the minutes are marked ready for approval."""
    return Question(
        _("Notulen gereed melden"),
        _("Zijn de notulen klaar om vast te stellen?"),
        _("Ja, gereed voor vaststelling"),
        (
            _(
                "Wie de vergaderingen van dit overleg beheert, kan ze daarna vaststellen in "
                "een volgende vergadering."
            ),
        ),
        _("Ongedaan maken kan: wie de notulen daarna bewerkt, zet ze terug naar concept."),
        _("De notulen zijn gereed voor vaststelling."),
    )
