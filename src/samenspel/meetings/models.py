"""Meetings of the association's bodies: cycles, meetings, invitations, agenda, outcomes, minutes.

A `MeetingCycle` says how often a body meets; the year's schedule is generated from
the cycles and then edited by hand. A `Meeting` has invitations (computed from the
body's seats on the meeting date plus the rules of annex 1), agenda items with
documents, an outcome per item (decisions are numbered per body per year), actions
that stay on the body's list until closed, and minutes that are locked once approved.
Agenda items without a meeting are the body's backlog.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.meetings.constants import (
    ActionStatus,
    Attendance,
    InvitationSource,
    ItemKind,
    MeetingStatus,
    MinutesStatus,
    OutcomeKind,
)


class MeetingCycle(models.Model):
    """How often a body meets; a cycle that prepares another body meets `days_before` it.

    A body can have more than one cycle: the board's regular meetings and, with a title,
    the annual general meeting and congress; a knowledge café beside an officials' meeting.
    """

    body = models.ForeignKey(
        "organisations.Body",
        on_delete=models.CASCADE,
        related_name="meeting_cycles",
        verbose_name=_("overlegorgaan"),
    )
    title = models.CharField(
        _("titel"),
        max_length=200,
        blank=True,
        help_text=_("Leeg: de gewone vergaderingen. Bijv. 'Algemene ledenvergadering'."),
    )
    per_year = models.PositiveSmallIntegerField(
        _("keer per jaar"),
        default=4,
        help_text=_("Telt niet als het overleg het voorbereide overleg volgt."),
    )
    follows_prepared = models.BooleanField(
        _("volgt het voorbereide overleg"),
        default=False,
        help_text=_("Eén vergadering vóór elke vergadering van het overleg dat dit voorbereidt."),
    )
    days_before = models.PositiveSmallIntegerField(
        _("dagen ervoor"), default=14, help_text=_("Alleen bij een voorbereidend overleg.")
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekdag"),
        default=3,
        help_text=_("0 = maandag … 4 = vrijdag."),
    )
    month = models.PositiveSmallIntegerField(
        _("maand"),
        null=True,
        blank=True,
        help_text=_("Bij één keer per jaar: in deze maand (1-12)."),
    )
    start_time = models.TimeField(_("begintijd"), default=dt.time(9, 30))
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=120)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "title"]
        constraints = [
            models.UniqueConstraint(fields=["body", "title"], name="cycle_once_per_body_title"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="cycle_weekday_valid"),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | (Q(month__gte=1) & Q(month__lte=12)),
                name="cycle_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(per_year__gte=1) & Q(per_year__lte=52), name="cycle_per_year_range"
            ),
        ]
        verbose_name = _("vergadercyclus")
        verbose_name_plural = _("vergadercycli")

    def __str__(self) -> str:
        name = f"{self.body}: {self.title}" if self.title else str(self.body)
        return f"{name} ({self.per_year}x per jaar)"

    @property
    def month_date(self) -> dt.date | None:
        """The first of the cycle's month (in some year), for `|date:"F"`."""
        return dt.date(2000, self.month, 1) if self.month else None


class MeetingQuerySet(models.QuerySet):
    def taking_place(self) -> MeetingQuerySet:
        return self.exclude(status=MeetingStatus.CANCELLED)


class Meeting(models.Model):
    body = models.ForeignKey(
        "organisations.Body",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("overlegorgaan"),
    )
    cycle = models.ForeignKey(
        MeetingCycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("cyclus"),
    )
    title = models.CharField(
        _("titel"), max_length=200, blank=True, help_text=_("Leeg: de naam van het overleg.")
    )
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    online_link = models.URLField(_("link online vergadering"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    prepares = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prepared_by",
        verbose_name=_("bereidt voor"),
    )
    # iCalendar: one UID for life; the sequence goes up with every change clients must see.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["body", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")

    def __str__(self) -> str:
        return f"{self.display_title} {timezone.localtime(self.starts_at):%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"pk": self.pk})

    @property
    def display_title(self) -> str:
        return self.title or self.body.short_name or self.body.name

    @property
    def date(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED


class Invitation(models.Model):
    """One person invited to one meeting, why, and whether they came.

    Rule invitations are recomputed when the agenda changes; the bureau's choices
    (a guest added, someone removed, both with a reason) are kept.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        "organisations.Person",
        on_delete=models.PROTECT,
        related_name="meeting_invitations",
        verbose_name=_("persoon"),
    )
    post = models.ForeignKey(
        "organisations.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zetel"),
    )
    source = models.CharField(_("grond"), max_length=20, choices=InvitationSource.choices)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    removed = models.BooleanField(_("afgemeld door het bureau"), default=False)
    removed_reason = models.CharField(_("reden afmelding"), max_length=300, blank=True)
    attendance = models.CharField(
        _("aanwezigheid"), max_length=20, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="invitation_once"),
            models.CheckConstraint(
                condition=Q(removed=False) | ~Q(removed_reason=""),
                name="invitation_removal_has_reason",
            ),
        ]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.person} — {self.meeting}"


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


class Minutes(models.Model):
    """Minutes of one meeting (sanitised HTML); locked once the next meeting approves them."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("notulen"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    minute_taker = models.ForeignKey(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("notulist"),
    )
    marked_on = models.DateField(_("gereed gemeld op"), null=True, blank=True)
    approved_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("vastgesteld in"),
    )
    approved_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    approved_with_changes = models.BooleanField(_("vastgesteld met wijzigingen"), default=False)
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notulen")
        verbose_name_plural = _("notulen")

    def __str__(self) -> str:
        return f"{_('Notulen')} {self.meeting}"

    @property
    def is_locked(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class MinutesCorrection(models.Model):
    """A correction to approved minutes: recorded beside them, the approved text stays."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(_("correctie"))
    reason = models.CharField(_("reden"), max_length=300)
    made_on = models.DateField(_("datum"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_on", "pk"]
        verbose_name = _("correctie op notulen")
        verbose_name_plural = _("correcties op notulen")

    def __str__(self) -> str:
        return f"{self.minutes}: {self.reason}"


class CalendarToken(models.Model):
    """The secret in a person's calendar feed URL; resetting it breaks the old URL."""

    person = models.OneToOneField(
        "organisations.Person", on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agendafeed-sleutel")
        verbose_name_plural = _("agendafeed-sleutels")

    def __str__(self) -> str:
        return f"{self.person}"
