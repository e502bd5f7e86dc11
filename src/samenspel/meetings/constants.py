"""Choices of meetings: statuses, kinds of agenda item and outcome, attendance, actions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.organisations.constants import BodyKind


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    AGENDA_SENT = "agenda_sent", _("Agenda verstuurd")
    HELD = "held", _("Gehouden")
    MINUTES_APPROVED = "minutes_approved", _("Notulen vastgesteld")
    CANCELLED = "cancelled", _("Geannuleerd")


# Meetings that take place (or took place): the schedule and the feeds show these.
TAKING_PLACE = (
    MeetingStatus.PLANNED,
    MeetingStatus.AGENDA_SENT,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_APPROVED,
)


class InvitationSource(models.TextChoices):
    """Why someone is invited: the rule of annex 1 that put them on the list."""

    MEMBER = "member", _("Zetel in het overleg")
    PROVINCE = "province", _("Provincie (bijlage 1)")
    WATER_BOARD = "water_board", _("Waterschap, vanwege de agenda (bijlage 1)")
    GUEST = "guest", _("Gast, toegevoegd door het bureau")


class Attendance(models.TextChoices):
    UNKNOWN = "unknown", _("Nog niet bekend")
    PRESENT = "present", _("Aanwezig")
    EXCUSED = "excused", _("Afwezig met bericht")
    ABSENT = "absent", _("Afwezig")


class ItemKind(models.TextChoices):
    DECISION = "decision", _("Besluitvorming")
    DISCUSSION = "discussion", _("Bespreking")
    INFORMATION = "information", _("Informatie")


class OutcomeKind(models.TextChoices):
    DECISION = "decision", _("Besluit")
    NOTED = "noted", _("Ter kennisname aangenomen")
    ACTIONS = "actions", _("Acties")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Afgerond")
    CANCELLED = "cancelled", _("Vervallen")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    MARKED = "marked", _("Gereed voor vaststelling")
    APPROVED = "approved", _("Vastgesteld")


# Bodies whose meetings and decisions stay internal: the core groups prepare, the bureau
# works; the public page, public feeds and public decision lists leave them out.
NOT_PUBLIC_BODY_KINDS = (
    BodyKind.CORE_GROUP,
    BodyKind.CORE_GROUP_PLUS,
    BodyKind.BUREAU,
)
