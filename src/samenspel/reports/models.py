"""Generated reports (kept so they can be downloaded again), the evaluation round, and follows.

A generated report keeps its file and the figures it was computed with, so the same
report made again can be compared with it (services.report_regenerate).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.reports.constants import ReportFormat


def report_path(instance: GeneratedReport, filename: str) -> str:
    return f"rapportages/{instance.as_of:%Y}/{filename}"


class GeneratedReport(models.Model):
    kind = models.CharField(_("soort"), max_length=30)
    title = models.CharField(_("titel"), max_length=250)
    as_of = models.DateField(_("peildatum"))
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("portefeuille"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    format = models.CharField(_("formaat"), max_length=10, choices=ReportFormat.choices)
    file = models.FileField(_("bestand"), upload_to=report_path, max_length=300)
    figures = models.JSONField(_("cijfers"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("gemaakte rapportage")
        verbose_name_plural = _("gemaakte rapportages")

    def __str__(self) -> str:
        return f"{self.title} ({self.as_of}, {self.format})"

    def get_absolute_url(self) -> str:
        return reverse("reports:stored", args=[self.pk])
