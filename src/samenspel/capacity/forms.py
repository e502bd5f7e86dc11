from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.capacity.constants import QUARTERS
from samenspel.organisations.models import Association, Portfolio


class RealisedHoursForm(forms.Form):
    # Ranges are checked by the service (services.realised_hours_record), with its messages.
    year = forms.IntegerField(label=_("Jaar"))
    quarter = forms.TypedChoiceField(
        label=_("Kwartaal"), choices=[(q, f"Q{q}") for q in QUARTERS], coerce=int
    )
    portfolio = forms.ModelChoiceField(
        label=_("Portefeuille"),
        queryset=Portfolio.objects.none(),
        required=False,
        empty_label=_("Geen portefeuille: voorzitter, accounthouder, VNG-commissie, staf"),
    )
    hours = forms.DecimalField(
        label=_("Uren"),
        localize=True,
        help_text=_("De uren die in dit kwartaal zijn besteed, bijv. 27,5."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio"].queryset = Portfolio.objects.filter(
            association=association
        ).order_by("order")
