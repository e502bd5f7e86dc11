import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.finance.constants import ContributionKey
from samenspel.web.forms import DateInput


class BudgetYearForm(forms.Form):
    from_running_budget = forms.DecimalField(
        label=_("Uit lopende begroting (€)"), min_value=0, decimal_places=2, max_digits=12
    )
    key = forms.ChoiceField(label=_("Verdeelsleutel"), choices=ContributionKey.choices)
    reference_date = forms.DateField(
        label=_("Peildatum inwoners"),
        required=False,
        widget=DateInput,
        help_text=_("Leeg: 1 januari van dat jaar (of het laatste cijfer daarvoor)."),
    )
    base_amount = forms.DecimalField(
        label=_("Vast bedrag per lid (€)"),
        required=False,
        min_value=0,
        decimal_places=2,
        max_digits=12,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class InvoiceForm(forms.Form):
    invoiced_on = forms.DateField(label=_("Factuurdatum"), widget=DateInput, initial=dt.date.today)
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat de bedragen van dit jaar daarna vastliggen."), required=True
    )


class PaidForm(forms.Form):
    paid_on = forms.DateField(label=_("Betaald op"), widget=DateInput, initial=dt.date.today)


class FundSpendingForm(forms.Form):
    spent_on = forms.DateField(label=_("Datum"), widget=DateInput, initial=dt.date.today)
    amount = forms.DecimalField(
        label=_("Bedrag (€)"), min_value=0.01, decimal_places=2, max_digits=12
    )
    reason = forms.CharField(label=_("Reden"), max_length=300)
