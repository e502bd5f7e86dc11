"""The network: organisations, their inhabitants, people, portfolios, bodies, posts and memberships.

Posts survive people: "account holder of Assen" is a `Post`; whoever holds it at a
date is a `Membership` with start and end dates, so the structure at any date is known.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.organisations.constants import (
    BodyKind,
    CommitteeLink,
    OrganisationKind,
    PersonFunction,
    Role,
)
from samenspel.organisations.tenants import (  # noqa: F401  (the tenant models, re-exported)
    HOSTNAME_PATTERN,
    Association,
    AssociationHost,
    AssociationMembership,
)


class Organisation(models.Model):
    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=80, blank=True)
    kind = models.CharField(_("soort"), max_length=32, choices=OrganisationKind.choices)
    description = models.TextField(_("omschrijving"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Identifier(models.Model):
    """An official code of an organisation: CBS (GM0106), TOOI (gm0106, ws0646), KvK, OIN…"""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="identifiers"
    )
    scheme = models.CharField(_("stelsel"), max_length=20)
    value = models.CharField(_("code"), max_length=60)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheme"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "value"], name="identifier_unique_code"),
            models.UniqueConstraint(
                fields=["organisation", "scheme"], name="identifier_one_per_scheme"
            ),
        ]
        verbose_name = _("identificatie")
        verbose_name_plural = _("identificaties")

    def __str__(self) -> str:
        return f"{self.scheme.upper()} {self.value}"


class InhabitantCount(models.Model):
    """Inhabitants of an organisation on a reference date, with the source of the figure."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="inhabitant_counts"
    )
    reference_date = models.DateField(_("peildatum"))
    count = models.PositiveIntegerField(_("inwoners"))
    source = models.CharField(_("bron"), max_length=200)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-reference_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference_date"], name="inhabitants_one_per_date"
            ),
            models.CheckConstraint(condition=Q(count__gt=0), name="inhabitants_positive"),
        ]
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.count} ({self.reference_date:%d-%m-%Y})"


class Portfolio(models.Model):
    """One of the association's policy areas, with its own portfolio and officials' meetings.

    Structure lives here; what an agenda says about a portfolio lives in the agenda app
    (docs/adr/0002-portfolio-is-structure.md).
    """

    association = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        related_name="portfolios",
        verbose_name=_("samenwerkingsverband"),
    )
    # Unique per association: two associations may both have a portfolio `sociaal-domein`.
    slug = models.SlugField(_("code"), max_length=80)
    name = models.CharField(_("naam"), max_length=120)
    abbreviation = models.CharField(_("afkorting"), max_length=20)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "slug"], name="portfolio_unique_slug")
        ]
        verbose_name = _("portefeuille")
        verbose_name_plural = _("portefeuilles")

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("organisatie"),
    )
    function = models.CharField(_("functie"), max_length=32, choices=PersonFunction.choices)
    function_title = models.CharField(
        _("functietitel"), max_length=120, blank=True, help_text=_("Bijv. 'strateeg'.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:person", kwargs={"slug": self.slug})


class Body(models.Model):
    """A board, meeting or group of the association, or a VNG committee."""

    association = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        related_name="bodies",
        verbose_name=_("samenwerkingsverband"),
    )
    slug = models.SlugField(_("code"), max_length=80)  # unique per association (Meta)
    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    kind = models.CharField(_("soort"), max_length=32, choices=BodyKind.choices)
    portfolio = models.ForeignKey(
        Portfolio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("portefeuille"),
    )
    area = models.CharField(
        _("deelterrein"),
        max_length=80,
        blank=True,
        help_text=_("Bijv. 'Onderwijs' of 'Cultuur' bij twee ambtelijke overleggen."),
    )
    prepares = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="prepared_by",
        verbose_name=_("bereidt voor"),
    )
    description = models.TextField(_("omschrijving"), blank=True)
    abbreviation = models.CharField(_("afkorting"), max_length=20, blank=True)
    link_status = models.CharField(
        _("verbinding met het samenwerkingsverband"),
        max_length=20,
        choices=CommitteeLink.choices,
        blank=True,
        help_text=_("Alleen voor VNG-commissies."),
    )
    linked_portfolios = models.ManyToManyField(
        Portfolio, blank=True, related_name="vng_committees", verbose_name=_("portefeuilles")
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[linked_portfolios])

    class Meta:
        ordering = ["kind", "portfolio__order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "slug"], name="body_unique_slug")
        ]
        verbose_name = _("overlegorgaan")
        verbose_name_plural = _("overlegorganen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:body", kwargs={"slug": self.slug})


class Post(models.Model):
    """A seat in a body, that outlives the people who hold it."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="posts")
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("namens"),
    )
    label = models.CharField(_("omschrijving"), max_length=200, blank=True)
    when_relevant = models.BooleanField(
        _("alleen als de agenda erom vraagt"),
        default=False,
        help_text=_(
            "Bijv. een waterschap bij PHO EKM en R&W, 'als dat vanwege de te "
            "bespreken onderwerpen wenselijk is'."
        ),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "organisation__name", "label"]
        verbose_name = _("zetel")
        verbose_name_plural = _("zetels")

    def __str__(self) -> str:
        parts = [self.get_role_display()]
        if self.organisation_id:
            parts.append(str(self.organisation))
        if self.label:
            parts.append(self.label)
        return f"{self.body}: {' · '.join(parts)}"


class MembershipQuerySet(models.QuerySet):
    def active_on(self, date: dt.date) -> MembershipQuerySet:
        return self.filter(start_date__lte=date).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date)
        )


class Membership(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    start_date = models.DateField(_("vanaf"))
    end_date = models.DateField(_("tot en met"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["post", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
            )
        ]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.person} — {self.post}"

    def is_active_on(self, date: dt.date) -> bool:
        return self.start_date <= date and (self.end_date is None or self.end_date >= date)


class GovernanceRuleSetting(models.Model):
    """Switches a governance rule off (or on) for one association."""

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="rule_settings",
        verbose_name=_("samenwerkingsverband"),
    )
    code = models.SlugField(_("regel"), max_length=80)
    enabled = models.BooleanField(_("actief"), default=True)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["association", "code"], name="rule_setting_unique")
        ]
        verbose_name = _("instelling structuurregel")
        verbose_name_plural = _("instellingen structuurregels")

    def __str__(self) -> str:
        return self.code
