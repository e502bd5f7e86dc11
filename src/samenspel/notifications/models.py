"""Subscriptions of other systems to changes, and each message sent to one of them."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PROPOSALS = "voorstellen", _("voorstellen")
    DECISIONS = "besluiten", _("besluiten")
    PROGRESS = "voortgang", _("voortgang")
    MEETINGS = "overleggen", _("overleggen")


class DeliveryStatus(models.TextChoices):
    PENDING = "wacht", _("wacht")
    DELIVERED = "afgeleverd", _("afgeleverd")
    FAILED = "mislukt", _("mislukt")


class Subscription(models.Model):
    """A system's callback URL for some channels of one association. It acts for `user`:
    only what that user may read is sent to it (notifications/visibility.py)."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("samenwerkingsverband"),
    )
    callback_url = models.URLField(_("callback-URL"), max_length=500)
    channels = models.JSONField(_("kanalen"), default=list)
    # Stored in the clear, unlike API tokens: we need it to sign every message (HMAC), so
    # a hash would not do. It is shown once, to whoever made the subscription.
    secret = models.CharField(_("geheim"), max_length=64, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("namens gebruiker"),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")
        indexes = [models.Index(fields=["association", "is_active"])]

    def __str__(self) -> str:
        return self.callback_url


class Delivery(models.Model):
    """One message for one subscription, and how sending it went."""

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("abonnement"),
    )
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    resource_url = models.CharField(_("resource"), max_length=500)
    action = models.CharField(_("actie"), max_length=10)
    payload = models.JSONField(_("bericht"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(
        _("laatste antwoord"), null=True, blank=True
    )
    last_error = models.CharField(_("laatste fout"), max_length=500, blank=True)
    # The queue task that may send it now; an older task (before a retry) does nothing.
    task_result_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    delivered_at = models.DateTimeField(_("afgeleverd op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        indexes = [models.Index(fields=["subscription", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.channel} {self.action} {self.resource_url} ({self.status})"

    @property
    def resource_path(self) -> str:
        """The resource without the association's address, for a narrow table cell."""
        return urlsplit(self.resource_url).path

    @property
    def callback_host(self) -> str:
        return urlsplit(self.subscription.callback_url).netloc
