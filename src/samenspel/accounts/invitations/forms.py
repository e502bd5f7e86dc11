"""The forms of the invitation pages: the filter above the list, inviting, accepting."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.invitations.services import (
    VALID_DAYS_DEFAULT,
    VALID_DAYS_MAX,
    InvitationStatus,
    organisation_choices,
)
from samenspel.accounts.models import Invitation, User
from samenspel.accounts.permissions import is_bureau, roles_of
from samenspel.core.dates import today
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Organisation, Post
from samenspel.web.forms import ChoiceLabels, DateInput

CORE_GROUPS = (BodyKind.CORE_GROUP, BodyKind.CORE_GROUP_PLUS)


class InvitationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), *InvitationStatus.choices],
    )


class PostChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


def posts_for(user: Any, association: Any) -> Any:
    """The seats `user` may invite to (can_invite_to_post): the bureau every seat of the
    association, a chair those of their own portfolios' core groups."""
    posts = Post.objects.filter(body__association=association).select_related(
        "body", "organisation"
    )
    if is_bureau(user):
        return posts
    return posts.filter(body__kind__in=CORE_GROUPS, body__portfolio_id__in=roles_of(user).chair_of)


class InvitationForm(ChoiceLabels, forms.Form):
    # Field names are the service's, so its ValidationError lands beside the field.
    name = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("Hierheen gaat de link om het account te maken.")
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none()
    )
    post = PostChoiceField(
        label=_("Zetel"),
        queryset=Post.objects.none(),
        help_text=_("Wie de zetel nu heeft, houdt hem tot de dag vóór de startdatum."),
    )
    start_date = forms.DateField(label=_("Lid vanaf"), widget=DateInput)
    valid_days = forms.IntegerField(
        label=_("Geldig (dagen)"),
        min_value=1,
        max_value=VALID_DAYS_MAX,
        initial=VALID_DAYS_DEFAULT,
        help_text=_("Hoelang de link werkt: 1 tot en met %(max)s dagen.") % {"max": VALID_DAYS_MAX},
    )

    def __init__(self, *args: Any, user: Any, association: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices(association, today())
        self.fields["post"].queryset = posts_for(user, association)
        self.fields["start_date"].initial = today()
        self.fields["name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        post, organisation = data.get("post"), data.get("organisation")
        if post and organisation and post.organisation_id not in (None, organisation.pk):
            self.add_error(
                "organisation",
                _("De zetel is namens %(org)s; kies die organisatie.") % {"org": post.organisation},
            )
        return data


def username_suggestion(email: str) -> str:
    """The part before the @, in the characters a username may have."""
    return re.sub(r"[^\w.@+-]", "", email.split("@", 1)[0])[:150]


class AcceptForm(forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        validators=[User.username_validator],
        help_text=_("Letters, cijfers en . @ + - _; hiermee log je in."),
    )
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Minstens 12 tekens en geen veelgebruikt of uitgelekt wachtwoord. Een zin van "
            "een paar woorden werkt goed."
        ),
    )
    password2 = forms.CharField(
        label=_("Wachtwoord (nog een keer)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, invitation: Invitation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["username"].initial = username_suggestion(invitation.email)
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("Deze gebruikersnaam is al in gebruik; kies een andere."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif first:
            # The validators compare with the account to be (username, name, e-mail).
            future = User(
                username=data.get("username", ""),
                email=self.invitation.email,
                first_name=self.invitation.name,
            )
            try:
                password_validation.validate_password(first, future)
            except ValidationError as error:
                self.add_error("password1", error)
        return data
