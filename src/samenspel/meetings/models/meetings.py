"""Meeting cycles, meetings, their invitations and the calendar feeds' secrets."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.meetings.constants import Attendance, InvitationSource, MeetingStatus


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
