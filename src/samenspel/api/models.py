"""API tokens: a system's key to the API, issued for one user in one association.

The token itself is shown once and never stored: only its SHA-256 hash is kept (a token is
32 random bytes, so a slow hash adds nothing), with an 8-character prefix to find it by
and to show in lists. A token carries its user's rights in its association, narrowed by
its scopes and, when it names one, to one organisation (docs/api.md, "Access").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Scope(models.TextChoices):
    READ = "read", _("lezen")
    PROGRESS_WRITE = "progress:write", _("voortgang vastleggen")
    DECISIONS_WRITE = "decisions:write", _("besluiten vastleggen")


class ApiToken(models.Model):
    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("samenwerkingsverband"),
    )
    name = models.CharField(_("naam"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("namens gebruiker"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="api_tokens",
        verbose_name=_("voor organisatie"),
    )
    scopes = models.JSONField(_("bevoegdheden"), default=list)
    prefix = models.CharField(_("begin van de sleutel"), max_length=8, unique=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_on = models.DateField(_("geldig tot en met"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["key_hash", "last_used_at"])

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class ApiTokenUse(models.Model):
    """One request made with a token: the log the bureau reads (kept 400 days)."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="uses")
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    method = models.CharField(_("methode"), max_length=10)
    path = models.CharField(_("pad"), max_length=500)
    status = models.PositiveSmallIntegerField(_("status"))
    address = models.GenericIPAddressField(_("adres"), null=True, blank=True)

    class Meta:
        verbose_name = _("gebruik van een API-token")
        verbose_name_plural = _("gebruik van API-tokens")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.method} {self.path} ({self.status})"
