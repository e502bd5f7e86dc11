"""Meetings of the association's bodies: cycles, meetings, invitations, agenda, outcomes, minutes.

A `MeetingCycle` says how often a body meets; the year's schedule is generated from
the cycles and then edited by hand. A `Meeting` has invitations (computed from the
body's seats on the meeting date plus the rules of annex 1), agenda items with
documents, an outcome per item (decisions are numbered per body per year), actions
that stay on the body's list until closed, and minutes that are locked once approved.
Agenda items without a meeting are the body's backlog.

One module per part (`meetings`, `items`, `minutes`); the rest of the project imports
the models from here.
"""

from samenspel.meetings.models.items import (
    Action,
    ActionQuerySet,
    AgendaDocument,
    AgendaItem,
    DocumentVersion,
    Outcome,
    _document_path,
)
from samenspel.meetings.models.meetings import (
    CalendarToken,
    Invitation,
    Meeting,
    MeetingCycle,
    MeetingQuerySet,
)
from samenspel.meetings.models.minutes import Minutes, MinutesCorrection

__all__ = [
    "Action",
    "ActionQuerySet",
    "AgendaDocument",
    "AgendaItem",
    "CalendarToken",
    "DocumentVersion",
    "Invitation",
    "Meeting",
    "MeetingCycle",
    "MeetingQuerySet",
    "Minutes",
    "MinutesCorrection",
    "Outcome",
    "_document_path",  # named by migration 0001 (the documents' upload path)
]
