from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.organisations.constants import (
    CommitteeLink,
    OrganisationKind,
    PersonFunction,
    Role,
)
from samenspel.organisations.models import Association, Organisation, Person, Portfolio
from samenspel.web.forms import ChoiceLabels, DateInput


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    short_name = forms.CharField(label=_("Korte naam"), max_length=80, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=OrganisationKind.choices)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class InhabitantCountForm(forms.Form):
    reference_date = forms.DateField(label=_("Peildatum"), widget=DateInput)
    count = forms.IntegerField(label=_("Inwoners"), min_value=1)
    source = forms.CharField(label=_("Bron"), max_length=200, initial="CBS StatLine")


class MembershipStartForm(ChoiceLabels, forms.Form):
    person = forms.ModelChoiceField(label=_("Persoon"), queryset=Person.objects.none())
    start_date = forms.DateField(label=_("Vanaf"), widget=DateInput, initial=dt.date.today)

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.select_related("organisation").order_by("name")
        if post.organisation_id:
            people = people.filter(organisation_id=post.organisation_id)
        self.fields["person"].queryset = people


class MembershipEndForm(forms.Form):
    end_date = forms.DateField(label=_("Tot en met"), widget=DateInput, initial=dt.date.today)


class PersonForm(ChoiceLabels, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.order_by("name")
    )
    function = forms.ChoiceField(label=_("Functie"), choices=PersonFunction.choices)
    function_title = forms.CharField(
        label=_("Functietitel"),
        max_length=120,
        required=False,
        help_text=_("Bijv. 'strateeg' of 'wethouder Zorg'."),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BodyForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    short_name = forms.CharField(label=_("Korte naam"), max_length=60, required=False)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)
    link_status = forms.ChoiceField(
        label=_("Verbinding met het samenwerkingsverband (VNG-commissies)"),
        choices=[("", "—"), *CommitteeLink.choices],
        required=False,
    )
    linked_portfolios = forms.ModelMultipleChoiceField(
        label=_("Verbonden portefeuilles"),
        queryset=Portfolio.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    association: Association | None = None  # set by `of`: whose portfolios can be linked

    @classmethod
    def of(cls, association: Association) -> type[BodyForm]:
        """The form for a body of `association` (`core.pages.versioned_edit` takes a class)."""
        return type(cls.__name__, (cls,), {"association": association})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linked_portfolios"].queryset = Portfolio.objects.filter(
            association=self.association
        )


class PostForm(ChoiceLabels, forms.Form):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Namens"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Leeg laten voor een zetel die niet van één organisatie is."),
    )
    label = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)
