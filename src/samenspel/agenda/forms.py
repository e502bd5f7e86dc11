import datetime as dt

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenspel.agenda.constants import AgreementKind, AssociationRole, Status
from samenspel.agenda.models import Agreement
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.web.forms import ChoiceLabels, DateInput


class ProgressUpdateForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=DateInput, initial=dt.date.today)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    text = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat is er bereikt, wat loopt anders dan gepland, wat is er nodig?"),
    )
    percent = forms.IntegerField(label=_("Gereed (%)"), min_value=0, max_value=100, required=False)
    link = forms.URLField(label=_("Link naar stuk"), required=False, assume_scheme="https")
    is_internal = forms.BooleanField(label=_("Intern (niet op de openbare pagina)"), required=False)


REASON_HELP = _("Komt in de geschiedenis te staan, bij de versie van vóór deze wijziging.")


class ProgressUpdateCorrectForm(ProgressUpdateForm):
    """The update's fields as they are, to correct, with the reason why."""

    reason = forms.CharField(
        label=_("Reden van de correctie"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ProgressUpdateWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van de intrekking"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=REASON_HELP,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgreementForm(ChoiceLabels, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    description = forms.CharField(label=_("Beschrijving"), widget=forms.Textarea, required=False)
    role = forms.ChoiceField(
        label=_("Rol samenwerkingsverband"),
        choices=[("", "—"), *AssociationRole.choices],
        required=False,
    )
    political_lead = forms.ModelChoiceField(
        label=_("Bestuurlijk trekker"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    official_lead = forms.ModelChoiceField(
        label=_("Ambtelijk trekker"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    period_text = forms.CharField(
        label=_("Planning"),
        max_length=120,
        required=False,
        help_text=_(
            "Zoals het document het zegt, bijv. 'Eind Q2 2023', 'najaar 2024', '2023-2024'."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgreementFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False)
    portefeuille = forms.ModelChoiceField(
        label=_("Portefeuille"),
        queryset=Portfolio.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle portefeuilles"),
    )
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle soorten")), *AgreementKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle statussen")), *Status.choices], required=False
    )
    trekker = forms.ModelChoiceField(
        label=_("Trekker"),
        queryset=Organisation.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle organisaties"),
    )
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100, required=False)
    thema = forms.CharField(required=False, widget=forms.HiddenInput)
    te_laat = forms.BooleanField(label=_("Mijlpaal over tijd"), required=False)
    stil = forms.BooleanField(label=_("Geen recente update"), required=False)

    def __init__(self, *args, association: Association, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        portfolios = Portfolio.objects.filter(association=association)
        self.fields["portefeuille"].queryset = portfolios  # type: ignore[attr-defined]
        # The organisations that lead an agreement here, not the whole national register.
        agreements = Agreement.objects.filter(agenda__association=association)
        leads = Organisation.objects.filter(
            Q(pk__in=agreements.values("political_lead"))
            | Q(pk__in=agreements.values("official_lead"))
        )
        self.fields["trekker"].queryset = leads.order_by("name")  # type: ignore[attr-defined]
