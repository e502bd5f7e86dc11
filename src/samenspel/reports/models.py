"""Generated reports (kept so they can be downloaded again), the evaluation round, and follows.

A generated report keeps its file and the figures it was computed with, so the same
report made again can be compared with it (services.report_regenerate).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.reports.constants import FollowTarget, ReportFormat, RoundStatus, Verdict


def report_path(instance: GeneratedReport, filename: str) -> str:
    return f"rapportages/{instance.as_of:%Y}/{filename}"


class GeneratedReport(models.Model):
    """A report made as a file and kept; its association's, whatever its scope (the whole
    association, a portfolio or a member), and listed only there."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="generated_reports",
        verbose_name=_("samenwerkingsverband"),
    )
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


class EvaluationRound(models.Model):
    """An evaluation of the agenda (6.2: in the second half of 2025, with the handover)."""

    name = models.CharField(_("naam"), max_length=200)
    agenda = models.ForeignKey(
        "agenda.Agenda", on_delete=models.CASCADE, related_name="+", verbose_name=_("agenda")
    )
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    # Open for judgements until the bureau closes it (`reports/workflow.py`).
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="evaluation_round_in_order"
            ),
            # Unique per agenda: another association (or another agenda) may use the name.
            models.UniqueConstraint(
                fields=["agenda", "name"],
                name="evaluation_round_name_per_agenda",
                violation_error_message=_("Deze agenda heeft al een evaluatieronde met deze naam."),
            ),
        ]
        verbose_name = _("evaluatieronde")
        verbose_name_plural = _("evaluatierondes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reports:evaluation", args=[self.pk])


class Judgement(models.Model):
    """The judgement on one agreement or one theme in a round; edits are kept in history."""

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="judgements")
    agreement = models.ForeignKey(
        "agenda.Agreement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="judgements",
        verbose_name=_("afspraak"),
    )
    theme = models.ForeignKey(
        "agenda.Theme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="judgements",
        verbose_name=_("thema"),
    )
    verdict = models.CharField(_("oordeel"), max_length=20, choices=Verdict.choices)
    explanation = models.TextField(_("toelichting"))
    lessons = models.TextField(_("lessen"), blank=True)
    judged_on = models.DateField(_("beoordeeld op"))
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "agreement__order", "theme__order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=False, theme__isnull=True)
                | Q(agreement__isnull=True, theme__isnull=False),
                name="judgement_agreement_or_theme",
            ),
            models.UniqueConstraint(
                fields=["round", "agreement"],
                condition=Q(agreement__isnull=False),
                name="judgement_one_per_agreement",
            ),
            models.UniqueConstraint(
                fields=["round", "theme"],
                condition=Q(theme__isnull=False),
                name="judgement_one_per_theme",
            ),
        ]
        verbose_name = _("oordeel")
        verbose_name_plural = _("oordelen")

    def __str__(self) -> str:
        return f"{self.agreement or self.theme}: {self.get_verdict_display()}"


class Follow(models.Model):
    """A user follows a portfolio, agreement or proposal and gets a weekly digest.

    The follow names the association of what it follows (set by `following.follow_add`),
    so the follows page and `senddigests --association` read one association's follows."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("samenwerkingsverband"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    target = models.CharField(_("volgt"), max_length=20, choices=FollowTarget.choices)
    object_id = models.PositiveBigIntegerField(_("object"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "target", "object_id"], name="follow_unique")
        ]
        verbose_name = _("volgen")
        verbose_name_plural = _("volgen")

    def __str__(self) -> str:
        return f"{self.user} → {self.target} {self.object_id}"


class DigestItem(models.Model):
    """One change sent to one user in a digest: never sent twice.

    It names no association, and needs none: a key names one row of the installation
    (`update:<pk>`, `milestone:<pk>:<date>`, `proposal:<pk>:<new|sent>`, `decision:<pk>`,
    see `following.py`), and each row is one association's, so keys of two associations
    never collide and a user's digest of one association never skips another's change."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_items"
    )
    key = models.CharField(_("wijziging"), max_length=120)
    sent_at = models.DateTimeField(_("verstuurd op"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="digest_item_once_per_user")
        ]
        verbose_name = _("verstuurde wijziging")
        verbose_name_plural = _("verstuurde wijzigingen")

    def __str__(self) -> str:
        return f"{self.user}: {self.key}"
