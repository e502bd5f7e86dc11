"""The bureau configures its association's identity providers (docs/sign-in.md): the
issuer (endpoints are read from its discovery document), the client id and secret (the
secret is write-only and stored encrypted), the claims, the allowed e-mail domains."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.models import IdentityProvider
from samenspel.accounts.oidc.claims import DEFAULT_CLAIMS
from samenspel.accounts.oidc.discovery import provider_discover
from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin
from samenspel.organisations.associations import association_site_url


def _formfield(db_field: Any, **kwargs: Any) -> Any:
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class IdentityProviderForm(forms.ModelForm):
    client_secret = forms.CharField(
        label=gettext_lazy("client-secret"),
        required=False,
        strip=True,
        # Never sent back to the browser: empty keeps the stored secret.
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("Leeg laten om het opgeslagen secret te houden."),
    )

    class Meta:
        model = IdentityProvider
        formfield_callback = _formfield
        fields = [
            "association",
            "organisation",
            "name",
            "is_active",
            "issuer",
            "client_id",
            "client_secret",
            "scopes",
            "claim_mapping",
            "email_domains",
            "second_factor_amr",
            "second_factor_acr",
        ]

    def clean_client_secret(self) -> str:
        secret = self.cleaned_data.get("client_secret", "")
        if secret:
            return secret
        if self.instance.pk:
            return IdentityProvider.objects.get(pk=self.instance.pk).client_secret
        raise ValidationError(_("Vul het client-secret in dat de provider heeft gegeven."))

    def clean_claim_mapping(self) -> dict[str, str]:
        mapping = self.cleaned_data.get("claim_mapping") or {}
        if not isinstance(mapping, dict):
            raise ValidationError(_('Claims: geef een object, bijv. {"email": "upn"}.'))
        unknown = sorted(set(mapping) - set(DEFAULT_CLAIMS))
        if unknown:
            raise ValidationError(
                _("Claims: onbekende sleutel %(keys)s; gebruik %(allowed)s.")
                % {"keys": ", ".join(unknown), "allowed": ", ".join(DEFAULT_CLAIMS)}
            )
        if not all(isinstance(value, str) and value for value in mapping.values()):
            raise ValidationError(_("Claims: elke waarde is de naam van een claim (tekst)."))
        return mapping

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        issuer = cleaned.get("issuer")
        changed = {"issuer"} & set(self.changed_data) or not self.instance.discovered_at
        if issuer and changed and not self.errors:
            # Read the configuration now: a wrong issuer is a form error, not a failed sign-in.
            self.instance.issuer = issuer
            provider_discover(self.instance, save=False)
        return cleaned


@admin.register(IdentityProvider)
class IdentityProviderAdmin(AssociationScopedAdmin, HistoryAdmin):
    form = IdentityProviderForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    association_path = "association"
    list_display = ["name", "organisation", "issuer", "is_active", "discovered_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "organisation__name", "issuer"]
    autocomplete_fields = ["organisation"]
    readonly_fields = [
        "callback_url",
        "authorization_endpoint",
        "token_endpoint",
        "userinfo_endpoint",
        "jwks_uri",
        "end_session_endpoint",
        "discovered_at",
    ]
    fieldsets = (
        (None, {"fields": ("association", "organisation", "name", "is_active")}),
        (
            gettext_lazy("Verbinding"),
            {"fields": ("callback_url", "issuer", "client_id", "client_secret", "scopes")},
        ),
        (
            gettext_lazy("Claims en toegang"),
            {
                "fields": (
                    "claim_mapping",
                    "email_domains",
                    "second_factor_amr",
                    "second_factor_acr",
                )
            },
        ),
        (
            gettext_lazy("Gelezen uit de configuratie van de provider"),
            {
                "fields": (
                    "authorization_endpoint",
                    "token_endpoint",
                    "userinfo_endpoint",
                    "jwks_uri",
                    "end_session_endpoint",
                    "discovered_at",
                )
            },
        ),
    )
    actions = ["rediscover"]

    @admin.display(description=gettext_lazy("Redirect-URI (registreer deze bij de provider)"))
    def callback_url(self, obj: IdentityProvider | None) -> str:
        # On the association's own host: one URL for all its providers.
        path = reverse("accounts:sso_callback")
        if obj is None or obj.association_id is None:
            return format_html("<code>https://&lt;{}&gt;{}</code>", _("adres van Samenspel"), path)
        return format_html("<code>{}{}</code>", association_site_url(obj.association), path)

    @admin.action(description=gettext_lazy("Configuratie opnieuw ophalen"))
    def rediscover(self, request: HttpRequest, queryset: QuerySet[IdentityProvider]) -> None:
        for provider in queryset:
            try:
                provider_discover(provider)
            except ValidationError as error:
                messages.error(request, f"{provider}: {' '.join(error.messages)}")
            else:
                messages.success(
                    request,
                    _("De configuratie van %(provider)s is opgehaald.") % {"provider": provider},
                )
