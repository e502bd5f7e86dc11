"""The agenda and what comes of it: items (or the backlog), documents with their
versions, outcomes and actions."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.meetings.constants import ActionStatus, ItemKind, OutcomeKind
from samenspel.meetings.models.meetings import Meeting


class AgendaItem(models.Model):
    """An item on a meeting's agenda; without a meeting it waits in the body's backlog."""

    body = models.ForeignKey(
        "organisations.Body",
        on_delete=models.PROTECT,
        related_name="agenda_items",
        verbose_name=_("overlegorgaan"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("vergadering"),
    )
    title = models.CharField(_("titel"), max_length=250)
    kind = models.CharField(_("soort"), max_length=20, choices=ItemKind.choices)
    description = models.TextField(_("toelichting"), blank=True)
    lead = models.ForeignKey(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("trekker"),
    )
    agreements = models.ManyToManyField(
        "agenda.Agreement", blank=True, related_name="agenda_items", verbose_name=_("afspraken")
    )
    proposal = models.ForeignKey(
        "decisions.Proposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("voorstel"),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=15)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    water_boards_relevant = models.BooleanField(
        _("relevant voor de waterschappen"),
        default=False,
        help_text=_(
            "Nodigt het waterschap uit (PHO en ambtelijk overleg EKM en R&W) of een dijkgraaf "
            "(bestuur), zoals bijlage 1 zegt."
        ),
    )
    is_confidential = models.BooleanField(
        _("vertrouwelijk"), default=False, help_text=_("Niet op de openbare pagina.")
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[agreements])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title

    @property
    def is_parked(self) -> bool:
        return self.meeting_id is None


class AgendaDocument(models.Model):
    """A document of an agenda item; uploads are versions of it, the latest is current."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=250)
    is_confidential = models.BooleanField(
        _("vertrouwelijk"),
        default=False,
        help_text=_("Alleen voor het bureau en de genodigden en leden van het overleg."),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "title", "pk"]
        verbose_name = _("vergaderstuk")
        verbose_name_plural = _("vergaderstukken")

    def __str__(self) -> str:
        return self.title

    @property
    def current(self) -> DocumentVersion | None:
        versions = list(self.versions.all())
        return versions[-1] if versions else None


def _document_path(instance: DocumentVersion, filename: str) -> str:
    # Not under a public URL: files are served by a permission-checked view.
    return f"meetings/{instance.document.item_id}/{uuid.uuid4().hex}-{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(AgendaDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versie"))
    file = models.FileField(_("bestand"), upload_to=_document_path, max_length=300)
    filename = models.CharField(_("bestandsnaam"), max_length=200)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_once")
        ]
        verbose_name = _("versie van een vergaderstuk")
        verbose_name_plural = _("versies van vergaderstukken")

    def __str__(self) -> str:
        return f"{self.document} (v{self.number})"


class Outcome(models.Model):
    """What the meeting did with an item; a decision gets the body's next number of the year."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="outcome")
    kind = models.CharField(_("soort"), max_length=20, choices=OutcomeKind.choices)
    text = models.TextField(_("besluit of toelichting"))
    body = models.ForeignKey(
        "organisations.Body", on_delete=models.PROTECT, related_name="+", editable=False
    )
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True, editable=False)
    number = models.PositiveSmallIntegerField(_("nummer"), null=True, blank=True, editable=False)
    reference = models.CharField(_("besluitnummer"), max_length=60, blank=True, editable=False)
    pho_outcome = models.CharField(
        _("PHO-besluit over het voorstel"), max_length=20, blank=True, editable=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="outcome_number_once_per_body_year"
            ),
            models.CheckConstraint(
                condition=~Q(kind=OutcomeKind.DECISION) | Q(number__isnull=False),
                name="outcome_decision_numbered",
            ),
        ]
        verbose_name = _("uitkomst")
        verbose_name_plural = _("uitkomsten")

    def __str__(self) -> str:
        return f"{self.reference}: {self.item}" if self.reference else str(self.item)


class ActionQuerySet(models.QuerySet):
    def open_on(self, date: dt.date) -> ActionQuerySet:
        return self.filter(created_on__lte=date).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gt=date)
        )


class Action(models.Model):
    """A commitment (toezegging) made at a meeting; it stays on the body's list until closed."""

    body = models.ForeignKey(
        "organisations.Body",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("overlegorgaan"),
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="actions", verbose_name=_("vergadering")
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("agendapunt"),
    )
    title = models.CharField(_("actie"), max_length=300)
    owner = models.ForeignKey(
        "organisations.Person",
        on_delete=models.PROTECT,
        related_name="meeting_actions",
        verbose_name=_("eigenaar"),
    )
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_on = models.DateField(_("afgesproken op"))
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    closing_note = models.CharField(_("toelichting"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["created_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status=ActionStatus.OPEN) & Q(closed_on__isnull=True))
                | (~Q(status=ActionStatus.OPEN) & Q(closed_on__isnull=False)),
                name="action_closed_has_date",
            )
        ]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.title
