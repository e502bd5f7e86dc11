"""Staff commitment: the hours members' civil servants put into the association.

Annex 1 of the agenda ("Ambtelijke inzet") lists the recurring commitment per member in
two tables (2.1: per portfolio, 2.2: per role), the staff expertise four members supply
for all, temporary commitments and external hires. Members report the hours they
actually spent per quarter (`RealisedHours`), so planned and realised can be compared.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.capacity.constants import CommitmentKind, ExpertiseSubject, HoursPer

PORTFOLIO_ELSEWHERE = _("Deze portefeuille hoort bij een ander samenwerkingsverband.")


class StaffCommitment(models.Model):
    """Hours per year one member commits to a portfolio or a role, from a year on."""

    agenda = models.ForeignKey(
        "agenda.Agenda",
        on_delete=models.CASCADE,
        related_name="staff_commitments",
        verbose_name=_("agenda"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="staff_commitments",
        verbose_name=_("organisatie"),
    )
    kind = models.CharField(_("soort inzet"), max_length=32, choices=CommitmentKind.choices)
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_commitments",
        verbose_name=_("portefeuille"),
    )
    area = models.CharField(
        _("deelterrein"),
        max_length=80,
        blank=True,
        help_text=_("Bijv. 'Onderwijs' of 'Cultuur': twee kolommen bij Onderwijs en Cultuur."),
    )
    label = models.CharField(
        _("kolom"), max_length=40, help_text=_("De kolom in de tabel, bijv. 'G&W' of 'Voorzitter'.")
    )
    hours_per_year = models.PositiveIntegerField(_("uren per jaar"))
    year_from = models.PositiveSmallIntegerField(_("vanaf jaar"))
    year_to = models.PositiveSmallIntegerField(
        _("tot en met jaar"), null=True, blank=True, help_text=_("Leeg: loopt door.")
    )
    source = models.CharField(_("bron"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "kind", "portfolio__order", "area", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "agenda",
                    "organisation",
                    "kind",
                    "portfolio",
                    "area",
                    "label",
                    "year_from",
                ],
                condition=Q(portfolio__isnull=False),
                name="staff_commitment_unique",
            ),
            # NULLs are distinct in a unique index: role commitments need their own one.
            models.UniqueConstraint(
                fields=["agenda", "organisation", "kind", "area", "label", "year_from"],
                condition=Q(portfolio__isnull=True),
                name="staff_commitment_unique_without_portfolio",
            ),
            models.CheckConstraint(
                condition=Q(year_to__isnull=True) | Q(year_to__gte=F("year_from")),
                name="staff_commitment_years_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(kind=CommitmentKind.PORTFOLIO) | Q(portfolio__isnull=False),
                name="staff_commitment_portfolio_kind_has_portfolio",
            ),
        ]
        verbose_name = _("ambtelijke inzet")
        verbose_name_plural = _("ambtelijke inzet")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.label} {self.hours_per_year} uur ({self.year_from})"

    def clean(self) -> None:
        errors = {}
        if self.year_to is not None and self.year_to < self.year_from:
            errors["year_to"] = _("Het eindjaar ligt voor het beginjaar.")
        if self.kind == CommitmentKind.PORTFOLIO and self.portfolio_id is None:
            errors["portfolio"] = _("Inzet voor een portefeuille noemt de portefeuille.")
        if errors:
            raise ValidationError(errors)


class StaffArrangement(models.Model):
    """Staff expertise a member supplies for all (finance, HR, legal, communication)."""

    agenda = models.ForeignKey(
        "agenda.Agenda",
        on_delete=models.CASCADE,
        related_name="staff_arrangements",
        verbose_name=_("agenda"),
    )
    slug = models.SlugField(_("code"), max_length=80)
    subject = models.CharField(_("onderwerp"), max_length=32, choices=ExpertiseSubject.choices)
    text = models.TextField(_("tekst"))
    hours = models.PositiveIntegerField(_("uren"))
    per = models.CharField(_("per"), max_length=8, choices=HoursPer.choices)
    providers = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="staff_arrangements",
        verbose_name=_("geleverd door"),
    )
    provider_name = models.CharField(
        _("naam leverancier"),
        max_length=200,
        blank=True,
        help_text=_("Bijv. 'Samenwerkingsorganisatie De Wolden-Hoogeveen'."),
    )
    compensated_by_all_members = models.BooleanField(
        _("financieel gecompenseerd door alle gemeenten"), default=False
    )
    compensation_text = models.TextField(_("toelichting compensatie"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords(m2m_fields=[providers])

    class Meta:
        ordering = ["agenda", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "slug"], name="staff_arrangement_unique")
        ]
        verbose_name = _("stafexpertise")
        verbose_name_plural = _("stafexpertise")

    def __str__(self) -> str:
        return self.text


class ExternalHire(models.Model):
    """Someone hired from outside the members, and who pays for them."""

    agenda = models.ForeignKey(
        "agenda.Agenda",
        on_delete=models.CASCADE,
        related_name="external_hires",
        verbose_name=_("agenda"),
    )
    slug = models.SlugField(_("code"), max_length=80)
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="external_hires",
        verbose_name=_("portefeuille"),
    )
    provided_by = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provided_external_hires",
        verbose_name=_("ingevuld door"),
    )
    funded_by = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="funded_external_hires",
        verbose_name=_("gefinancierd door"),
    )
    hours = models.PositiveIntegerField(_("uren"), null=True, blank=True)
    hours_per = models.CharField(
        _("uren per"),
        max_length=8,
        choices=HoursPer.choices,
        blank=True,
        help_text=_("Leeg: de uren gelden voor de hele periode."),
    )
    amount = models.DecimalField(
        _("bedrag (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    period_text = models.CharField(_("periode"), max_length=120, blank=True)
    frequency = models.CharField(_("frequentie"), max_length=60, blank=True)
    funding_status = models.CharField(_("stand financiering"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords(m2m_fields=[funded_by])

    class Meta:
        ordering = ["agenda", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "slug"], name="external_hire_unique"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="external_hire_amount_not_negative",
            ),
        ]
        verbose_name = _("externe inhuur")
        verbose_name_plural = _("externe inhuur")

    def __str__(self) -> str:
        return self.title


class TemporaryCommitment(models.Model):
    """Extra staff commitment for a while, decided by every executive (the VDG format)."""

    agenda = models.ForeignKey(
        "agenda.Agenda",
        on_delete=models.CASCADE,
        related_name="temporary_commitments",
        verbose_name=_("agenda"),
    )
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="temporary_commitments",
        verbose_name=_("portefeuille"),
    )
    text = models.TextField(_("tekst"))
    period_text = models.CharField(_("periode"), max_length=120, blank=True)
    intended_extension = models.CharField(_("voorgenomen verlenging"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agenda", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "order"], name="temporary_commitment_unique_order"
            )
        ]
        verbose_name = _("tijdelijke inzet")
        verbose_name_plural = _("tijdelijke inzet")

    def __str__(self) -> str:
        return self.text[:80]


class RealisedHours(models.Model):
    """The hours a member actually spent in one quarter for one association, on one of its
    portfolios or (none) on its roles."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="realised_hours",
        verbose_name=_("samenwerkingsverband"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="realised_hours",
        verbose_name=_("organisatie"),
    )
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realised_hours",
        verbose_name=_("portefeuille"),
        help_text=_("Leeg: rollen zonder portefeuille (voorzitter, accounthouder, VNG, staf)."),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    quarter = models.PositiveSmallIntegerField(_("kwartaal"))
    hours = models.DecimalField(_("uren"), max_digits=8, decimal_places=1)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevuld door"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "year", "quarter", "portfolio__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["association", "organisation", "portfolio", "year", "quarter"],
                condition=Q(portfolio__isnull=False),
                name="realised_hours_unique",
            ),
            # An organisation in two associations records its role hours in each.
            models.UniqueConstraint(
                fields=["association", "organisation", "year", "quarter"],
                condition=Q(portfolio__isnull=True),
                name="realised_hours_unique_without_portfolio",
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1) & Q(quarter__lte=4), name="realised_hours_quarter"
            ),
            models.CheckConstraint(condition=Q(hours__gte=0), name="realised_hours_not_negative"),
        ]
        verbose_name = _("gerealiseerde uren")
        verbose_name_plural = _("gerealiseerde uren")

    def __str__(self) -> str:
        what = self.portfolio or _("rollen")
        return f"{self.organisation}, {what}, {self.year} Q{self.quarter}: {self.hours}"

    def clean(self) -> None:
        if (
            self.portfolio_id is not None
            and self.association_id is not None
            and self.portfolio.association_id != self.association_id
        ):
            raise ValidationError({"portfolio": PORTFOLIO_ELSEWHERE})
