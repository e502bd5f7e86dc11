"""The form that issues an API token on /api-toegang/nieuw/."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import User
from samenspel.accounts.permissions import is_bureau, roles_of
from samenspel.api.models import Scope
from samenspel.api.token_permissions import can_issue_token
from samenspel.api.tokens import expiry_default, expiry_latest, token_organisations, token_users
from samenspel.core.dates import today
from samenspel.organisations.models import Organisation
from samenspel.web.forms import ChoiceLabels, DateInput


class TokenForm(ChoiceLabels, forms.Form):
    # Field names are the model's, so a service's ValidationError lands beside its field.
    name = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_("Waarvoor het token dient, bijv. 'Raadsinformatiesysteem Assen'."),
    )
    user = forms.ModelChoiceField(
        label=_("Namens gebruiker"),
        queryset=User.objects.none(),
        help_text=_("Het token mag wat deze gebruiker mag, en niet meer."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Voor organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Beperkt het token tot deze organisatie."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Bevoegdheden"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Scope.READ],
    )
    expires_on = forms.DateField(label=_("Geldig tot en met"), widget=DateInput)

    def __init__(self, *args: Any, user: Any, association: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.maker = user
        self.fields["expires_on"].initial = expiry_default()
        self.fields["expires_on"].help_text = _("Hoogstens twee jaar: uiterlijk %(d)s.") % {
            "d": date_format(expiry_latest(), "j F Y")
        }
        users = token_users(association)
        organisations = token_organisations(association)
        if is_bureau(user):
            self.fields["user"].queryset = users
            self.fields["user"].initial = user.pk  # most often the bureau's own system
            self.fields["organisation"].queryset = organisations
        else:
            # An account holder issues tokens for themselves, for an organisation they hold.
            self.fields["user"].queryset = users.filter(pk=user.pk)
            self.fields["user"].initial = user.pk
            held = organisations.filter(pk__in=roles_of(user).account_holder_of)
            self.fields["organisation"].queryset = held
            self.fields["organisation"].required = True
            if len(held) == 1:
                self.fields["organisation"].initial = held[0].pk

    def clean_expires_on(self) -> Any:
        expires_on = self.cleaned_data["expires_on"]
        if expires_on < today():
            raise ValidationError(_("De einddatum ligt in het verleden."))
        if expires_on > expiry_latest():
            raise ValidationError(
                _("Een token is hoogstens twee jaar geldig: uiterlijk %(d)s.")
                % {"d": date_format(expiry_latest(), "j F Y")}
            )
        return expires_on

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for_user, organisation = data.get("user"), data.get("organisation")
        if for_user is not None and not can_issue_token(
            self.maker, for_user=for_user, organisation=organisation
        ):
            raise ValidationError(
                _("Je mag alleen een token voor jezelf en je eigen organisatie maken.")
            )
        return data
