"""The collaboration agenda: its texts, challenges, themes, agreements, milestones and progress.

History is appended: progress is a list of updates, and an agreement's status is the
status of its latest update (selectors.py), never a field someone overwrites.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.agenda.constants import (
    AgreementKind,
    AssociationRole,
    Status,
    ThemeKind,
)


class Agenda(models.Model):
    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="agendas",
        verbose_name=_("samenwerkingsverband"),
    )
    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    period_start = models.DateField(_("begin"))
    period_end = models.DateField(_("einde"))
    foreword = models.TextField(_("voorwoord"), blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)
    introduction = models.TextField(_("inleiding"), blank=True)
    mission = models.TextField(_("missie"), blank=True)
    vision = models.TextField(_("visie"), blank=True)
    strategy = models.JSONField(_("strategie"), default=list, blank=True)
    core_functions = models.JSONField(_("hoofdfuncties"), default=list, blank=True)
    environment = models.TextField(_("omgeving"), blank=True)
    improvement_points = models.JSONField(_("verbeterpunten"), default=list, blank=True)
    progress_monitoring = models.TextField(_("bewaking voortgang"), blank=True)
    acknowledgements = models.TextField(_("dankwoord"), blank=True)
    # Sections a later app loads (finance: budget; capacity: staff), kept verbatim so an
    # export gives back what was loaded.
    budget = models.JSONField(_("begroting (bron)"), default=dict, blank=True)
    staff = models.JSONField(_("ambtelijke inzet (bron)"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda's")

    def __str__(self) -> str:
        return self.name


class PortfolioProgramme(models.Model):
    """What one agenda says about one portfolio (chapter 3: 'Portefeuilleprogrammering')."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="programmes")
    portfolio = models.ForeignKey(
        "organisations.Portfolio", on_delete=models.CASCADE, related_name="programmes"
    )
    focus = models.TextField(_("focus"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agenda", "portfolio"], name="programme_unique")
        ]
        verbose_name = _("portefeuilleprogramma")
        verbose_name_plural = _("portefeuilleprogramma's")

    def __str__(self) -> str:
        return f"{self.portfolio} ({self.agenda})"


class Challenge(models.Model):
    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="challenges")
    slug = models.SlugField(_("code"), max_length=80)
    number = models.PositiveSmallIntegerField(_("nummer"))
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    portfolios = models.ManyToManyField("organisations.Portfolio", blank=True)
    history = HistoricalRecords(m2m_fields=[portfolios])

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "slug"], name="challenge_unique_slug")
        ]
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="themes")
    slug = models.SlugField(_("code"), max_length=100)
    name = models.CharField(_("naam"), max_length=250)
    kind = models.CharField(_("soort"), max_length=32, choices=ThemeKind.choices)
    portfolios = models.ManyToManyField("organisations.Portfolio", blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    goals = models.JSONField(_("doelen"), default=list, blank=True)
    why = models.TextField(_("waarom"), blank=True)
    what = models.TextField(_("wat"), blank=True)
    who = models.TextField(_("wie"), blank=True)
    role = models.TextField(_("rol samenwerkingsverband"), blank=True)
    years = models.CharField(_("jaren"), max_length=40, blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords(m2m_fields=[portfolios])

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["agenda", "slug"], name="theme_unique_slug")]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="agreements")
    slug = models.SlugField(_("code"), max_length=100)
    title = models.CharField(_("titel"), max_length=300)
    topic = models.CharField(_("onderwerp"), max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("portefeuille"),
    )
    other_portfolios = models.ManyToManyField(
        "organisations.Portfolio",
        blank=True,
        related_name="shared_agreements",
        verbose_name=_("ook in portefeuilles"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("thema")
    )
    kind = models.CharField(_("soort"), max_length=32, choices=AgreementKind.choices)
    role = models.CharField(
        _("rol samenwerkingsverband"), max_length=32, choices=AssociationRole.choices, blank=True
    )
    political_lead = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestuurlijk trekker"),
    )
    official_lead = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ambtelijk trekker"),
    )
    political_lead_person = models.ForeignKey(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestuurlijk trekker (persoon)"),
    )
    official_lead_person = models.ForeignKey(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ambtelijk trekker (persoon)"),
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="partner_in",
        verbose_name=_("partners"),
    )
    period_text = models.CharField(_("planning"), max_length=120, blank=True)
    period_start = models.DateField(_("begin"), null=True, blank=True)
    period_end = models.DateField(_("einde"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[other_portfolios, partners])

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "slug"], name="agreement_unique_slug")
        ]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agenda:agreement", kwargs={"slug": self.slug})


class Milestone(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mijlpaal"), max_length=300)
    when_text = models.CharField(_("wanneer"), max_length=120, blank=True)
    when_note = models.CharField(_("toelichting"), max_length=120, blank=True)
    start = models.DateField(_("begin"), null=True, blank=True)
    end = models.DateField(_("uiterlijk"), null=True, blank=True)
    reached_on = models.DateField(_("bereikt op"), null=True, blank=True)
    reached_is_demo = models.BooleanField(
        _("bereikt volgens de demo"),
        default=False,
        help_text=_("De datum is verzonnen door de demolaag."),
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "order"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")

    def __str__(self) -> str:
        return f"{self.when_text}: {self.title}" if self.when_text else self.title


class ProgressUpdateQuerySet(models.QuerySet):
    def standing(self) -> ProgressUpdateQuerySet:
        """The updates that count: not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class ProgressUpdate(models.Model):
    """One report on an agreement's progress.

    Progress moves on by a new update. A mistake in an update is corrected in place or the
    update is withdrawn (kept, never deleted), each with a reason, by its author within
    SAMENSPEL_CORRECTION_DAYS or by the bureau (`agenda.services.progress_update_correct`,
    `progress_update_withdraw`); the history keeps every earlier version, and a report as
    of an earlier date shows the update as it stood then. A withdrawn update no longer
    counts for the agreement's status.
    """

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("datum"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    text = models.TextField(_("toelichting"))
    percent = models.PositiveSmallIntegerField(_("gereed (%)"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)
    is_internal = models.BooleanField(
        _("intern"), default=False, help_text=_("Interne updates staan niet op de openbare pagina.")
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    corrected_at = models.DateTimeField(_("gecorrigeerd op"), null=True, blank=True)
    correction_reason = models.TextField(_("reden van de correctie"), blank=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reden van de intrekking"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [models.Index(fields=["agreement", "-date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | Q(percent__lte=100),
                name="update_percent_at_most_100",
            )
        ]
        verbose_name = _("voortgangsupdate")
        verbose_name_plural = _("voortgangsupdates")

    def __str__(self) -> str:
        return f"{self.agreement}: {self.get_status_display()} ({self.date})"
