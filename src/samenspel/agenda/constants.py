"""Choices of the agenda: kinds of theme and agreement, the association's role, statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeKind(models.TextChoices):
    PRIORITY = "priority", _("Prioritair thema")
    ANNEX_GROUP = "annex_group", _("Onderwerp uit bijlage 2")
    SHARED = "shared", _("Gedeeld thema")
    ASSOCIATION_WIDE = "association_wide", _("Breed thema")
    COLLABORATION = "collaboration", _("Samenspel")
    BOARD = "board", _("Algemeen bestuur")
    BUREAU = "bureau", _("Bureau")


class AgreementKind(models.TextChoices):
    PRIORITY = "priority", _("Prioritair thema")
    EXISTING = "existing", _("Bestaande afspraak (bijlage 2)")
    ASSOCIATION_WIDE = "association_wide", _("Breed thema")
    COLLABORATION = "collaboration", _("Samenspel")
    BOARD_TASK = "board_task", _("Taak algemeen bestuur")
    BUREAU_TASK = "bureau_task", _("Taak bureau")


class AssociationRole(models.TextChoices):
    INITIATOR = "initiator", _("Aanjager")
    COORDINATOR = "coordinator", _("Coördinator / regisseur")
    PLATFORM = "platform", _("Platform")
    PARTICIPANT = "participant", _("Deelnemer")
    COMMISSIONER = "commissioner", _("Opdrachtgever")
    SERVICE_DESK = "service_desk", _("Servicebureau")
    ORGANISER = "organiser", _("Organisator")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Nog niet gestart")
    ON_TRACK = "on_track", _("Op koers")
    AT_RISK = "at_risk", _("Risico")
    DELAYED = "delayed", _("Vertraagd")
    DONE = "done", _("Afgerond")
    STOPPED = "stopped", _("Gestopt")


# Order and colours for bars and badges (colours pass 3:1 against white for graphics).
STATUS_ORDER = [
    Status.DONE,
    Status.ON_TRACK,
    Status.AT_RISK,
    Status.DELAYED,
    Status.STOPPED,
    Status.NOT_STARTED,
]
STATUS_COLOURS = {
    Status.DONE: "#1d5a2c",
    Status.ON_TRACK: "#2f7d46",
    Status.AT_RISK: "#a35f00",
    Status.DELAYED: "#b3261e",
    Status.STOPPED: "#5b5b5b",
    Status.NOT_STARTED: "#8a9aa8",
}
