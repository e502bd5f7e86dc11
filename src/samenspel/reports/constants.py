"""Choices of the reports app: formats, evaluation verdicts, things one can follow."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportFormat(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word (DOCX)")
    HTML = "html", _("Webpagina (HTML)")


CONTENT_TYPES = {
    ReportFormat.PDF: "application/pdf",
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.HTML: "text/html; charset=utf-8",
}


class Verdict(models.TextChoices):
    ACHIEVED = "achieved", _("Bereikt")
    PARTLY = "partly", _("Deels bereikt")
    NOT_ACHIEVED = "not_achieved", _("Niet bereikt")
    NOT_RELEVANT = "not_relevant", _("Niet meer relevant")


VERDICT_COLOURS = {
    Verdict.ACHIEVED: "#1d5a2c",
    Verdict.PARTLY: "#a35f00",
    Verdict.NOT_ACHIEVED: "#b3261e",
    Verdict.NOT_RELEVANT: "#5b5b5b",
}


class RoundStatus(models.TextChoices):
    """An evaluation round is open for judgements until the bureau closes it."""

    OPEN = "open", _("Loopt")
    CLOSED = "closed", _("Afgesloten")


class FollowTarget(models.TextChoices):
    PORTFOLIO = "portfolio", _("Portefeuille")
    AGREEMENT = "agreement", _("Afspraak")
    PROPOSAL = "proposal", _("Voorstel")


# Stored reports (files under MEDIA_ROOT) one user may have in one association; beyond it
# making one is refused with a message, nothing is deleted for them. Per association, not
# overall: see services.room_check.
MAX_STORED_REPORTS_PER_USER = 100
