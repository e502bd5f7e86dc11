"""Minutes of a meeting, locked once approved, and the corrections made after."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.meetings.constants import MinutesStatus
from samenspel.meetings.models.meetings import Meeting


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
