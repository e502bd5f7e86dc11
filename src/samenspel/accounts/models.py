"""Users and the roles they hold, each role scoped to a portfolio or organisation where needed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.accounts.constants import (
    ORGANISATION_ROLES,
    PORTFOLIO_ROLES,
    RoleKind,
    SignInMethod,
)
from samenspel.accounts.encryption import EncryptedTextField


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


class RoleAssignmentQuerySet(models.QuerySet):
    def current(self, on: Any = None) -> RoleAssignmentQuerySet:
        """The roles that count on `on` (default: today): a role derived from a seat ends
        the day after the seat ends, without anyone editing it (docs/sign-in.md)."""
        from samenspel.core.dates import today

        on = on or today()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=on)
        )


class RoleAssignment(models.Model):
    """A role of a user in one association: the bureau of the VDG is nothing elsewhere
    unless it is given a role there too (docs/associations.md).

    A role is given by hand (no `membership`) or derived from a seat the user's person
    holds (`membership`, with the seat's dates): see accounts/derived_roles.py."""

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
    valid_from = models.DateField(_("vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("tot en met"), null=True, blank=True)
    membership = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="derived_roles",
        verbose_name=_("afgeleid van lidmaatschap"),
    )
    history = HistoricalRecords()

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association", "role", "portfolio", "organisation", "membership"],
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


# --- sign-in: identity providers, invitations, sign-ins (docs/sign-in.md) ---------------


class IdentityProvider(models.Model):
    """An organisation's own OpenID Connect provider (Entra ID, ADFS, Keycloak), through
    which its staff sign in to one association."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="identity_providers",
        verbose_name=_("samenwerkingsverband"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="identity_providers",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(
        _("naam"), max_length=120, help_text=_("Bijv. 'Gemeente Assen — Entra ID'.")
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        help_text=_(
            "De issuer-URL; de configuratie wordt gelezen van "
            "<issuer>/.well-known/openid-configuration."
        ),
    )
    client_id = models.CharField(_("client-id"), max_length=200)
    client_secret = EncryptedTextField(_("client-secret"), blank=True)
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile")
    claim_mapping = models.JSONField(
        _("claims"),
        default=dict,
        blank=True,
        help_text=_(
            'Welke claim welk veld vult, bijv. {"email": "upn"}. Standaard: email, '
            "given_name, family_name."
        ),
    )
    email_domains = models.CharField(
        _("toegestane e-maildomeinen"),
        max_length=300,
        blank=True,
        help_text=_("Gescheiden door komma's, bijv. 'assen.nl'. Leeg: elk domein."),
    )
    second_factor_amr = models.CharField(
        _("amr-waarden die als tweede factor tellen"),
        max_length=200,
        default="mfa hwk swk otp fido sms",
        blank=True,
    )
    second_factor_acr = models.CharField(
        _("acr-waarden die als tweede factor tellen"), max_length=300, blank=True
    )
    # Read from the discovery document (accounts/oidc/discovery.py), not typed in.
    authorization_endpoint = models.URLField(max_length=300, blank=True, editable=False)
    token_endpoint = models.URLField(max_length=300, blank=True, editable=False)
    userinfo_endpoint = models.URLField(max_length=300, blank=True, editable=False)
    jwks_uri = models.URLField(max_length=300, blank=True, editable=False)
    end_session_endpoint = models.URLField(max_length=300, blank=True, editable=False)
    discovered_at = models.DateTimeField(null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords(excluded_fields=["client_secret"])

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("identiteitsprovider")
        verbose_name_plural = _("identiteitsproviders")

    def __str__(self) -> str:
        return self.name


class ExternalIdentity(models.Model):
    """A user's account at an identity provider: matched by issuer and subject, never by
    e-mail address alone."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="external_identities")
    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.PROTECT, related_name="identities"
    )
    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_unique")
        ]
        verbose_name = _("externe identiteit")
        verbose_name_plural = _("externe identiteiten")

    def __str__(self) -> str:
        return f"{self.provider}: {self.subject}"


class Invitation(models.Model):
    """An invitation by e-mail to a seat: accepting it makes the account, bound to the
    person and their organisation, and the membership that gives the roles."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("samenwerkingsverband"),
    )
    email = models.EmailField(_("e-mailadres"))
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, verbose_name=_("organisatie")
    )
    person = models.ForeignKey(
        "organisations.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("persoon"),
    )
    post = models.ForeignKey(
        "organisations.Post", on_delete=models.PROTECT, verbose_name=_("zetel")
    )
    start_date = models.DateField(_("lid vanaf"))
    invited_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="invitations_sent", verbose_name=_("door")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class SignIn(models.Model):
    """One sign-in, and so one session: how (password or provider, which second factor),
    from where, and whether it was ended. Kept for the bureau's user pages."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_ins")
    association = models.ForeignKey(
        "organisations.Association", on_delete=models.CASCADE, null=True, related_name="+"
    )
    at = models.DateTimeField(_("ingelogd op"), auto_now_add=True)
    method = models.CharField(_("methode"), max_length=16, choices=SignInMethod.choices)
    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    second_factor = models.CharField(_("tweede factor"), max_length=32, blank=True)
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    address = models.GenericIPAddressField(_("adres"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    ended_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "-at"], name="sign_in_user_at")]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")

    def __str__(self) -> str:
        return f"{self.user} {self.at:%Y-%m-%d %H:%M}"
