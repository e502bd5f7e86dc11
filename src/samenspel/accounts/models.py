"""Users and the roles they hold, each role scoped to a portfolio or organisation where needed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.accounts.constants import ORGANISATION_ROLES, PORTFOLIO_ROLES, RoleKind


class User(AbstractUser):
    person = models.OneToOneField(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        verbose_name=_("persoon"),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class RoleAssignment(models.Model):
    """A role of a user in one association: the bureau of the VDG is nothing elsewhere
    unless it is given a role there too (docs/associations.md)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("samenwerkingsverband"),
    )
    role = models.CharField(_("rol"), max_length=32, choices=RoleKind.choices)
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("portefeuille"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("organisatie"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association", "role", "portfolio", "organisation"],
                name="role_assignment_unique",
                nulls_distinct=False,
            ),
            # A portfolio role names a portfolio, an organisation role an organisation.
            models.CheckConstraint(
                condition=(
                    Q(role__in=PORTFOLIO_ROLES, portfolio__isnull=False, organisation__isnull=True)
                    | Q(
                        role__in=ORGANISATION_ROLES,
                        organisation__isnull=False,
                        portfolio__isnull=True,
                    )
                    | (
                        ~Q(role__in=PORTFOLIO_ROLES + ORGANISATION_ROLES)
                        & Q(portfolio__isnull=True, organisation__isnull=True)
                    )
                ),
                name="role_assignment_scope_matches_role",
            ),
        ]

    def __str__(self) -> str:
        scope = self.portfolio or self.organisation
        label = self.get_role_display()
        return f"{label} {scope}" if scope else str(label)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Also for roles made in code (services, the demo, the shell), not only in forms.
        if self.portfolio_id and self.portfolio.association_id != self.association_id:
            raise ValidationError(
                {"portfolio": _("Deze portefeuille hoort bij een ander samenwerkingsverband.")}
            )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if (
            self.portfolio_id
            and self.association_id
            and self.portfolio.association_id != self.association_id
        ):
            raise ValidationError(
                {"portfolio": _("Deze portefeuille hoort bij een ander samenwerkingsverband.")}
            )
        if self.role in PORTFOLIO_ROLES and not self.portfolio_id:
            raise ValidationError({"portfolio": _("Deze rol hoort bij een portefeuille.")})
        if self.role in ORGANISATION_ROLES and not self.organisation_id:
            raise ValidationError({"organisation": _("Deze rol hoort bij een organisatie.")})
        if self.role not in PORTFOLIO_ROLES and self.portfolio_id:
            raise ValidationError({"portfolio": _("Deze rol heeft geen portefeuille.")})
        if self.role not in ORGANISATION_ROLES and self.organisation_id:
            raise ValidationError({"organisation": _("Deze rol heeft geen organisatie.")})
