"""Money: the agenda's budget lines, how the remainder is split over the members, the
figures the document states, the service desk's projects, claims, payments and the
contingency fund. Amounts are Decimal euros with cents."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.finance.constants import ContributionKey, LineKind, StatedWhat
from samenspel.web.templatetags.samenspel import format_euro

ZERO = Decimal("0.00")


def money(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class BudgetLine(models.Model):
    agenda = models.ForeignKey("agenda.Agenda", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=80)
    name = models.CharField(_("post"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=LineKind.choices)
    theme = models.ForeignKey(
        "agenda.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "slug"], name="budget_line_unique")
        ]
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")

    def __str__(self) -> str:
        return self.name


class BudgetAmount(models.Model):
    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="amounts")
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount = money(_("bedrag"), validators=[MinValueValidator(ZERO)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["line", "year"]
        constraints = [
            models.UniqueConstraint(fields=["line", "year"], name="budget_amount_unique")
        ]

    def __str__(self) -> str:
        return f"{self.line} {self.year}: {format_euro(self.amount)}"


class BudgetYear(models.Model):
    """How one year of the agenda budget is financed and split over the members."""

    agenda = models.ForeignKey("agenda.Agenda", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    from_running_budget = money(
        _("uit lopende begroting"), default=ZERO, validators=[MinValueValidator(ZERO)]
    )
    key = models.CharField(
        _("verdeelsleutel"),
        max_length=30,
        choices=ContributionKey.choices,
        default=ContributionKey.PER_INHABITANT,
    )
    reference_date = models.DateField(
        _("peildatum inwoners"),
        null=True,
        blank=True,
        help_text=_("Leeg: 1 januari van dat jaar (of het laatste cijfer daarvoor)."),
    )
    base_amount = money(
        _("vast bedrag per lid"),
        null=True,
        blank=True,
        help_text=_("Alleen bij 'vast bedrag plus per inwoner'."),
    )
    invoiced_on = models.DateField(
        _("gefactureerd op"),
        null=True,
        blank=True,
        help_text=_("Een gefactureerd jaar ligt vast: wijzigingen worden als verschil getoond."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "year"], name="budget_year_unique")
        ]
        verbose_name = _("begrotingsjaar")
        verbose_name_plural = _("begrotingsjaren")

    def __str__(self) -> str:
        return str(self.year)


class FixedContribution(models.Model):
    """A member's fixed amount in a year whose key is 'fixed amounts'."""

    budget_year = models.ForeignKey(BudgetYear, on_delete=models.CASCADE, related_name="fixed")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    amount = money(_("bedrag"), validators=[MinValueValidator(ZERO)])
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["budget_year", "organisation"], name="fixed_contribution_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {format_euro(self.amount)}"


class InvoicedContribution(models.Model):
    """What a member was invoiced for a budget year: frozen, whatever changes later."""

    budget_year = models.ForeignKey(BudgetYear, on_delete=models.CASCADE, related_name="invoiced")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    amount = money(_("bedrag"))
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True)
    reference_date = models.DateField(_("peildatum"), null=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["budget_year", "organisation"], name="invoiced_contribution_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.budget_year}: {format_euro(self.amount)}"


class StatedFigure(models.Model):
    """A total as the agenda document states it, to compare with what the lines add up to."""

    agenda = models.ForeignKey("agenda.Agenda", on_delete=models.CASCADE, related_name="+")
    what = models.CharField(_("wat"), max_length=30, choices=StatedWhat.choices)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    amount = money(_("bedrag"))
    printed = models.CharField(_("zoals gedrukt"), max_length=40, blank=True)
    source = models.CharField(_("bron"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["what", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "what", "year", "source"],
                name="stated_figure_unique",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_what_display()} {self.year or 'totaal'}: {format_euro(self.amount)}"


class Project(models.Model):
    """A regional project whose money the service desk (servicebureau) administers."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("samenwerkingsverband"),
    )
    slug = models.SlugField(max_length=80)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    detail = models.TextField(_("toelichting"), blank=True)
    portfolio = models.ForeignKey(
        "organisations.Portfolio", on_delete=models.SET_NULL, null=True, blank=True
    )
    commissioners = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="commissioned_projects",
        verbose_name=_("opdrachtgevers"),
    )
    other_funders = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="funded_projects",
        verbose_name=_("andere financiers"),
    )
    supplier = models.CharField(_("leverancier"), max_length=200, blank=True)
    contract = models.CharField(_("contract"), max_length=200, blank=True)
    surcharge_percent = models.DecimalField(
        _("opslag handgeld (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("5.00"),
        help_text=_("6.1: projectfinancieringen worden opgeplust met 5% voor handgeld."),
    )
    key = models.CharField(
        _("verdeelsleutel leden"),
        max_length=30,
        choices=ContributionKey.choices,
        default=ContributionKey.PER_INHABITANT,
    )
    source = models.CharField(_("bron"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords(m2m_fields=[commissioners, other_funders])

    class Meta:
        ordering = ["name"]
        constraints = [
            # Each association names its own projects: the same slug may be another's.
            models.UniqueConstraint(fields=["association", "slug"], name="project_slug_unique")
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projecten")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("finance:project", kwargs={"slug": self.slug})


class ProjectYear(models.Model):
    """One year of a project's financing: what the members raise, and other funders."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("jaar"))
    members_amount = money(
        _("te dragen door de leden"), default=ZERO, validators=[MinValueValidator(ZERO)]
    )
    reference_date = models.DateField(_("peildatum inwoners"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="project_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class ProjectFunder(models.Model):
    """A funder outside the members' key (the province, a health insurer) for one year."""

    project_year = models.ForeignKey(ProjectYear, on_delete=models.CASCADE, related_name="funders")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    amount = money(_("bedrag"), validators=[MinValueValidator(ZERO)])
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project_year", "organisation"], name="project_funder_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {format_euro(self.amount)}"


class Claim(models.Model):
    """A request for payment to one organisation (a member, the province, an insurer), by
    one association: for one of its projects, or (no project) for its agenda budget."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=_("samenwerkingsverband"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=_("organisatie"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name=_("project"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    description = models.CharField(_("omschrijving"), max_length=300)
    amount = money(_("bedrag"), validators=[MinValueValidator(Decimal("0.01"))])
    sent_on = models.DateField(_("verstuurd op"))
    paid_on = models.DateField(_("betaald op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | Q(paid_on__gte=models.F("sent_on")),
                name="claim_paid_after_sent",
            )
        ]
        verbose_name = _("declaratie")
        verbose_name_plural = _("declaraties")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.description} ({format_euro(self.amount)})"

    def clean(self) -> None:
        if (
            self.project_id is not None
            and self.association_id is not None
            and self.project.association_id != self.association_id
        ):
            raise ValidationError(
                {"project": _("Dit project hoort bij een ander samenwerkingsverband.")}
            )


class SupplierPayment(models.Model):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="payments")
    supplier = models.CharField(_("leverancier"), max_length=200)
    description = models.CharField(_("omschrijving"), max_length=300)
    amount = money(_("bedrag"), validators=[MinValueValidator(Decimal("0.01"))])
    paid_on = models.DateField(_("betaald op"))
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-paid_on"]
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")

    def __str__(self) -> str:
        return f"{self.supplier}: {format_euro(self.amount)} ({date_format(self.paid_on)})"


class FundSpending(models.Model):
    """Money taken from one association's contingency fund (handgeld), always with a reason."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="fund_spendings",
        verbose_name=_("samenwerkingsverband"),
    )
    spent_on = models.DateField(_("datum"))
    amount = money(_("bedrag"), validators=[MinValueValidator(Decimal("0.01"))])
    reason = models.CharField(_("reden"), max_length=300)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-spent_on"]
        verbose_name = _("uitgave handgeld")
        verbose_name_plural = _("uitgaven handgeld")

    def __str__(self) -> str:
        return f"{date_format(self.spent_on)}: {format_euro(self.amount)} ({self.reason})"
